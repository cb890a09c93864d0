import { documentRow } from '#core/text/documents'
import { segmenter } from '#core/text/segmenter'
import { CopyWriter } from '#database/factories/plan_scale/copy'
import type { ModuleGenerationContext } from '#database/factories/plan_scale/module_generators'
import { creditCodeCheck } from '#modules/info/shared/credit_code'
import { RECORD_SOURCE } from '#modules/info/shared/record_index'
import { CONSULTATION_SOURCE } from '#modules/experts/shared/index_consultation'

/**
 * 产业信息 at plan scale (issue 15, Performance): 50 000 records at a million cases (one
 * per 20 cases in a smaller run) over every county and the 10+3 industries — about 85 %
 * published (with their index documents, a created and a signed-off step, up to four
 * stored 相关信息 of the same main industry and city, and three solved cases of its main
 * industry as 农技问答), the
 * rest in the making, rejected or withdrawn so the centre queues have work. 8 % are
 * province-wide 宏观产业资讯, the others a county's (most) or a city's. Bodies are clean rich
 * text as the form stores it: paragraphs, a heading, often a list and a table.
 *
 * The links are drawn, not asked of the text engine: 42 k similar() calls would take the
 * better part of an hour; the pages read the stored rows the same way either way.
 */
/** 50 000 records at the plan's million cases; a toy run (the tests') gets one per CASES_PER_RECORD. */
const MAX_RECORDS = 50_000
const CASES_PER_RECORD = 20
const PUBLISHED_SHARE = 0.85
const LINKS_PER_RECORD = 4
const SOLVED_LINKS_PER_RECORD = 3

const KINDS = ['status', 'leading_enterprise', 'support_unit', 'trend'] as const
const KIND_WORDS: Record<(typeof KINDS)[number], string[]> = {
  status: ['产业发展现状', '种植养殖情况', '产业规模与布局', '年度产业报告'],
  leading_enterprise: ['龙头企业名录', '龙头企业带动情况', '重点企业介绍'],
  support_unit: ['技术依托单位', '科研支撑单位', '技术服务团队'],
  trend: ['发展趋势分析', '市场走势研判', '产业发展展望', '政策与趋势'],
}
const TOPICS = ['品种改良', '绿色防控', '水肥一体化', '冷链物流', '品牌建设', '电商销售', '标准化生产', '机械化作业', '良种繁育', '产后加工', '农旅融合', '订单农业']
const OWNERS = ['农业农村局', '乡村振兴局', '农业科学研究院', '农业技术推广中心', '经济作物推广站', '畜牧兽医站']
const SOURCES = ['统计年鉴', '农业普查', '部门年报', '实地调研', '企业填报']
const COMPANY_WORDS = ['农业开发有限公司', '现代农业股份有限公司', '农产品加工有限公司', '种养殖专业合作社']

type Status = 'draft' | 'submitted' | 'reviewed' | 'published' | 'rejected' | 'withdrawn'

export async function generate({ connect, random, counties, until, log }: ModuleGenerationContext): Promise<number> {
  const client = await connect()
  await client.query(`DELETE FROM text_documents WHERE source_type = $1`, [RECORD_SOURCE])
  await client.query('TRUNCATE info_record_links, info_record_events, info_records RESTART IDENTITY CASCADE')
  const industries: { code: string; name: string }[] = (await client.query('SELECT code, name FROM industries ORDER BY code')).rows
  const staffRows: { user_id: string; scope: string }[] = (await client.query(`SELECT user_id, scope FROM role_grants WHERE role IN ('center_staff', 'center_admin') AND scope IS NOT NULL`)).rows
  const staff = new Map<string, number[]>()
  for (const row of staffRows) (staff.get(row.scope) ?? staff.set(row.scope, []).get(row.scope)!).push(Number(row.user_id))
  const anyStaff = staffRows.map((row) => Number(row.user_id))
  if (anyStaff.length < 3) throw new Error('info: the plan-scale data needs centre staff (run the core phase first)')
  /** Three different staff members whose scope covers the region: the author, the reviewer, the signer. */
  const peopleFor = (region: string) => {
    const scoped = [region, region.slice(0, 4), '51', region.slice(0, 2)].map((scope) => staff.get(scope) ?? []).find((list) => list.length >= 3) ?? anyStaff
    const picked = new Set<number>()
    while (picked.size < 3) picked.add(random.pick(scoped))
    return [...picked]
  }
  const cases = Number((await client.query('SELECT count(*) AS n FROM experts_consultations')).rows[0].n)
  const recordCount = Math.max(100, Math.min(MAX_RECORDS, Math.round(cases / CASES_PER_RECORD)))
  const cities = [...new Map(counties.map((county) => [county.city, county.cityName])).entries()]

  // Solved cases to link, a sample per industry (a few thousand of the generated ones).
  const solvedPools = new Map<string, number[]>()
  const sampled = await client.query(
    `SELECT id, industry_code FROM text_documents TABLESAMPLE SYSTEM (2) REPEATABLE (15) WHERE source_type = $1 AND public AND solved AND industry_code IS NOT NULL`,
    [CONSULTATION_SOURCE]
  )
  for (const row of sampled.rows) (solvedPools.get(row.industry_code) ?? solvedPools.set(row.industry_code, []).get(row.industry_code)!).push(Number(row.id))

  const [recordClient, eventClient, documentClient, linkClient, solvedClient] = await Promise.all(Array.from({ length: 5 }, () => connect()))
  const recordColumns = [
    'id', 'kind', 'category', 'industries', 'region_code', 'title', 'summary', 'body', 'ip_owner', 'source', 'valid_from', 'valid_to', 'status',
    'author_id', 'checklist', 'reviewed_by_id', 'reviewed_at', 'signed_off_by_id', 'published_at', 'rejection_reason',
    'entity_name', 'credit_code', 'entity_county_code', 'entity_products', 'entity_contact', 'created_at', 'updated_at',
  ]
  const records = new CopyWriter(recordClient, 'info_records', recordColumns)
  const events = new CopyWriter(eventClient, 'info_record_events', ['record_id', 'action', 'actor_id', 'actor_role', 'from_status', 'to_status', 'reason', 'checklist', 'created_at'])
  const documentColumns = ['source_type', 'source_id', 'industry_code', 'county_code', 'text', 'answer', 'solved', 'public', 'rating', 'text_tokens', 'answer_tokens', 'normalized_text', 'tags', 'created_at', 'updated_at'] as const
  const documents = new CopyWriter(documentClient, 'text_documents', [...documentColumns])
  const links = new CopyWriter(linkClient, 'info_record_links', ['record_id', 'linked_id', 'score'])
  const solvedLinks = new CopyWriter(solvedClient, 'info_record_solved_links', ['record_id', 'document_id', 'score'])
  const cut = segmenter()
  const checklist = JSON.stringify({ politics: { ok: true, remark: '' }, secrecy: { ok: true, remark: '' }, ownership: { ok: true, remark: '' }, data_source: { ok: true, remark: '' } })
  const span = 3 * 365 * 86_400_000
  /** Published records by main industry and city (the link pools). */
  const pools = new Map<string, number[]>()

  for (let id = 1; id <= recordCount; id++) {
    const roll = random.next()
    const category = roll < 0.08 ? 'macro' : 'local'
    const county = random.pick(counties)
    const [region, regionName] =
      category === 'macro' ? ['510000', '四川省'] : random.chance(0.13) ? [county.city, `四川省${county.cityName}`] : [county.code, `四川省${county.cityName}${county.name}`]
    const shortName = category === 'macro' ? '全省' : region === county.city ? county.cityName : county.name
    const main = random.pick(industries)
    const other = random.chance(0.3) ? random.pick(industries) : null
    const codes = other && other.code !== main.code ? [main.code, other.code] : [main.code]
    const kind = random.pick(KINDS)
    const topic = random.pick(TOPICS)
    const title = `${shortName}${main.name}${random.pick(KIND_WORDS[kind])}（${topic}）`.slice(0, 80)
    const statusRoll = random.next()
    const status: Status =
      statusRoll < PUBLISHED_SHARE ? 'published' : statusRoll < 0.9 ? 'draft' : statusRoll < 0.94 ? 'submitted' : statusRoll < 0.97 ? 'reviewed' : statusRoll < 0.99 ? 'rejected' : 'withdrawn'
    const created = new Date(until.getTime() - random.int(0, span))
    const published = status === 'published' ? new Date(created.getTime() + random.int(1, 20) * 86_400_000) : null
    const [author, reviewer, signer] = peopleFor(region)
    const area = random.int(2, 80)
    const output = random.int(1, 50)
    const summary = `${shortName}${main.name}面积约 ${area} 万亩，年产值约 ${output} 亿元，${topic}成效明显。`
    const paragraphs = [
      `<h2>${main.name}${topic}</h2>`,
      `<p>${shortName}${main.name}产业近年来稳步发展，种植（养殖）面积约 ${area} 万亩，带动农户 ${random.int(1, 30)} 千户，${topic}覆盖率逐年提高。</p>`,
      `<p>主要做法：推广<strong>${topic}</strong>和${random.pick(TOPICS)}，加强与科研院所合作，完善${random.pick(TOPICS)}体系，提升产品质量和品牌影响力。</p>`,
      random.chance(0.6) ? `<ul><li>${random.pick(TOPICS)}示范基地 ${random.int(2, 40)} 个</li><li>培训技术骨干 ${random.int(50, 900)} 人次</li><li>${random.pick(TOPICS)}新技术 ${random.int(2, 12)} 项</li></ul>` : '',
      random.chance(0.5) ? `<table><tr><th>年份</th><th>面积（万亩）</th><th>产值（亿元）</th></tr><tr><td>2025</td><td>${area - 1}</td><td>${output - 1 || 1}</td></tr><tr><td>2026</td><td>${area}</td><td>${output}</td></tr></table>` : '',
      `<p>下一步将围绕${random.pick(TOPICS)}和${random.pick(TOPICS)}，推动${main.name}产业提质增效。</p>`,
    ].join('')
    const ipOwner = `${category === 'macro' ? '四川省' : shortName}${random.pick(OWNERS)}`.slice(0, 80)
    const source = `${shortName}${random.pick(SOURCES)}`.slice(0, 120)
    const entity = kind === 'leading_enterprise' || kind === 'support_unit'
    const first17 = `91${county.code}MA${String(id).padStart(9, '0')}`.slice(0, 17)
    const entityName = entity ? `${county.name}${main.name}${random.pick(COMPANY_WORDS)}`.slice(0, 80) : null
    const reviewed = ['reviewed', 'published', 'withdrawn'].includes(status)
    records.add([
      id, kind, category, `{${codes.join(',')}}`, region, title, summary, paragraphs, ipOwner, source,
      new Date(created.getTime() - 30 * 86_400_000), null, status,
      author, status === 'reviewed' || status === 'published' ? checklist : null, status === 'reviewed' || status === 'published' ? reviewer : null,
      reviewed && status !== 'withdrawn' ? new Date(created.getTime() + 86_400_000) : null,
      status === 'published' ? signer : null, published, status === 'rejected' || status === 'withdrawn' ? '数据来源需要注明年份' : null,
      entityName, entity ? first17 + creditCodeCheck(first17) : null, entity ? county.code : null, entity ? `${main.name}及其加工产品` : null, entity ? '028-84000000' : null,
      created, published ?? created,
    ])
    events.add([id, 'created', author, 'center_staff', null, 'draft', null, null, created])
    if (status === 'published') {
      events.add([id, 'signed_off', signer, 'center_staff', 'reviewed', 'published', null, null, published])
      const text = [title, summary, paragraphs.replace(/<[^>]+>/g, '\n'), ipOwner, entityName, regionName, codes.map((code) => industries.find((row) => row.code === code)?.name).join(' ')]
        .filter(Boolean)
        .join('\n')
      const document = documentRow(
        {
          sourceType: RECORD_SOURCE,
          sourceId: String(id),
          industry: main.code,
          county: region === '510000' ? null : region,
          text,
          public: true,
          createdAt: published,
          tags: [`kind:${kind}`, ...codes.map((code) => `industry:${code}`)],
        },
        cut
      )
      documents.add(documentColumns.map((column) => document[column]))
      const poolKey = `${main.code}:${region.slice(0, 4)}`
      const pool = pools.get(poolKey) ?? pools.set(poolKey, []).get(poolKey)!
      const linked = new Set<number>()
      for (let n = 0; n < LINKS_PER_RECORD && n < pool.length; n++) linked.add(random.pick(pool))
      for (const neighbour of linked) {
        const score = 0.2 + random.next() * 0.6
        links.add([id, neighbour, score])
        links.add([neighbour, id, score])
      }
      pool.push(id)
      const solvedPool = solvedPools.get(main.code) ?? []
      for (const documentId of new Set(Array.from({ length: Math.min(SOLVED_LINKS_PER_RECORD, solvedPool.length) }, () => random.pick(solvedPool)))) {
        solvedLinks.add([id, documentId, 0.1 + random.next() * 0.5])
      }
    }
    if (id % 2000 === 0) {
      await Promise.all([records.drain(), events.drain(), documents.drain(), links.drain(), solvedLinks.drain()])
      if (id % 10_000 === 0) log(`  ${id} records`)
    }
  }
  await Promise.all([records.end(), events.end(), documents.end(), links.end(), solvedLinks.end()])
  await client.query(`SELECT setval(pg_get_serial_sequence('info_records', 'id'), $1::bigint)`, [recordCount])
  // Vacuumed too: the queues' counts are index-only scans, which need the visibility map.
  await client.query('VACUUM (ANALYZE) info_records')
  await client.query('ANALYZE info_record_events, info_record_links, info_record_solved_links, text_documents')
  log(`  ${cities.length} cities, ${industries.length} industries`)
  return recordCount
}
