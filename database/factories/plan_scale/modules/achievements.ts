import { documentRow } from '#core/text/documents'
import { segmenter } from '#core/text/segmenter'
import { CopyWriter } from '#database/factories/plan_scale/copy'
import type { ModuleGenerationContext } from '#database/factories/plan_scale/module_generators'
import { LECTURE_SUBJECT, SUBJECTS } from '#modules/achievements/shared/vocabulary'

/**
 * 成果转化 at plan scale (issue 17, Performance): 100 k demands and offers (half each,
 * nine in ten published), 20 k bounties in every state, 2 k 双创平台 over the counties,
 * 5 k 特派员讲堂 lectures (four in five videos, the rest PDF slides; media rows without
 * bytes) with their search documents, and the listings' text documents (the matcher's candidates). Owners are generated
 * market entities (demands, bounties) and experts (offers); the text is drawn from a
 * vocabulary of crops and animals, problems and methods per industry.
 */
const DEMANDS = 50_000
const OFFERS = 50_000
const BOUNTIES = 20_000
const PLATFORMS = 2_000
const LECTURES = 5_000
/** Lecture files are rows only (the bench reads lists and pages, never the bytes): their public ids start so. */
const LECTURE_MEDIA_PREFIX = 'benchlecture'

const TOPICS: Record<string, { subjects: string[]; problems: string[]; methods: string[] }> = {
  grain_oil: { subjects: ['水稻', '再生稻', '油菜', '小麦', '玉米', '大豆'], problems: ['稻瘟病', '纹枯病', '菌核病', '条锈病', '倒伏', '草害', '烘干难'], methods: ['统防统治', '机收留桩', '精量直播', '带状复合种植', '抗病品种'] },
  pig: { subjects: ['生猪', '母猪', '仔猪', '育肥猪'], problems: ['非洲猪瘟', '仔猪腹泻', '蓝耳病', '繁殖率低', '粪污处理', '饲料成本高'], methods: ['生物安全体系', '精准饲喂', '批次繁殖', '低蛋白日粮', '固液分离'] },
  tea: { subjects: ['茶园', '名优绿茶', '红茶', '藏茶'], problems: ['小绿叶蝉', '冻害', '采茶用工难', '发酵不足', '低产'], methods: ['机械采摘', '色板诱杀', '控温发酵', '台刈改造', '良种换种'] },
  vegetable: { subjects: ['辣椒', '番茄', '黄瓜', '榨菜', '生姜', '大白菜'], problems: ['疫病', '灰霉病', '根结线虫', '根肿病', '姜瘟', '抽薹'], methods: ['高畦深沟', '嫁接换根', '集约化育苗', '生物菌剂', '错季栽培'] },
  liquor: { subjects: ['糯高粱', '酿酒小麦', '酒糟'], problems: ['螟虫', '机械化程度低', '原料品质不稳', '处理难'], methods: ['全程机械化', '订单种植', '饲料化利用', '绿色防控'] },
  bamboo: { subjects: ['雷竹', '竹笋', '竹林', '竹荪'], problems: ['出笋晚', '竹蝗', '低效', '加工难'], methods: ['冬季覆盖', '结构调控', '初加工设备', '林下栽培'] },
  fruit: { subjects: ['猕猴桃', '柑橘', '柠檬', '芒果', '枇杷', '葡萄', '桃', '梨'], problems: ['溃疡病', '黄龙病', '流胶病', '软腐病', '落花落果', '冻害', '裂果'], methods: ['绿色防控', '避雨栽培', '水肥一体化', '花期调控', '高接换种'] },
  herb: { subjects: ['川芎', '川贝母', '天麻', '附子', '羌活'], problems: ['根腐病', '白绢病', '种源退化', '烘干品质差'], methods: ['仿野生栽培', '两菌栽培', '热泵烘干', '良种繁育'] },
  cattle_sheep: { subjects: ['牦牛', '肉牛', '山羊', '奶牛', '羔羊'], problems: ['冬春掉膘', '增重慢', '包虫病', '乳房炎', '腹泻'], methods: ['暖棚补饲', '全混合日粮', '人工授精', '免疫驱虫'] },
  fish: { subjects: ['草鱼', '鳜鱼', '小龙虾', '鲟鱼', '稻田鱼'], problems: ['出血病', '缺氧浮头', '白斑综合征', '尾水超标'], methods: ['稻渔综合种养', '微孔增氧', '循环水养殖', '生态尾水处理'] },
  seed: { subjects: ['杂交水稻', '玉米', '马铃薯', '优质稻', '青稞'], problems: ['制种花期不遇', '纯度不达标', '种薯退化'], methods: ['花期调节', '脱毒种薯繁育', '精选包衣', '纯度检测'] },
  equipment: { subjects: ['丘陵农田', '果园', '茶园', '稻田'], problems: ['大机器进不去', '打药费工', '修剪人手不够', '秸秆难处理'], methods: ['微耕机', '植保无人机', '履带收割机', '捡拾打捆机'] },
  drying_cold_chain: { subjects: ['猕猴桃', '芒果', '干辣椒', '花椒', '石榴', '蔬菜'], problems: ['集中上市卖不掉', '晾晒霉变', '运输烂果', '缺冷链'], methods: ['产地预冷库', '热泵烘干', '冷链配送', '采后保鲜'] },
}
const INDUSTRIES = Object.keys(TOPICS)
const KINDS = ['variety', 'technology', 'equipment', 'patent', 'service'] as const
const BOUNTY_STATUSES = ['open', 'open', 'open', 'claimed', 'negotiating', 'agreed', 'done', 'done', 'cancelled'] as const
const PLATFORM_KINDS = ['star_space', 'science_park', 'maker_space', 'incubator'] as const
const PLATFORM_LEVELS = ['national', 'province', 'city', 'county'] as const
const DAY = 86_400_000

export async function generate({ connect, random, counties, until, log }: ModuleGenerationContext): Promise<number> {
  const client = await connect()
  await client.query(`DELETE FROM text_documents WHERE source_type = ANY($1::text[])`, [[SUBJECTS.demands, SUBJECTS.offers, LECTURE_SUBJECT]])
  await client.query(
    'TRUNCATE achievements_demand_drafts, achievements_lecture_pages, achievements_lectures, achievements_digest_items, achievements_match_pushes, achievements_sms_settings, achievements_bounty_events, achievements_bounty_claims, achievements_bounties, achievements_tech_demands, achievements_tech_offers, achievements_platforms RESTART IDENTITY CASCADE'
  )
  const ownersOf = async (role: string) =>
    (await client.query(`SELECT user_id FROM role_grants WHERE role = $1 ORDER BY user_id LIMIT 20000`, [role])).rows.map((row) => Number(row.user_id))
  const entities = await ownersOf('market_entity')
  const experts = await ownersOf('expert')
  if (!entities.length || !experts.length) throw new Error('achievements: no market entities or experts generated')
  const end = until.getTime()
  const started = performance.now()
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`
  const cut = segmenter()

  const [demandClient, offerClient, documentClient, bountyClient, claimClient, eventClient, platformClient] = await Promise.all(Array.from({ length: 7 }, () => connect()))
  const listingColumns = ['owner_id', 'kind', 'title', 'description', 'industries', 'county_code', 'status', 'created_at', 'updated_at']
  const demands = new CopyWriter(demandClient, 'achievements_tech_demands', [...listingColumns, 'budget_min_fen', 'budget_max_fen', 'deadline'])
  const offers = new CopyWriter(offerClient, 'achievements_tech_offers', [...listingColumns, 'maturity', 'ip_status', 'patent_number'])
  const documentColumns = ['source_type', 'source_id', 'industry_code', 'county_code', 'text', 'answer', 'solved', 'public', 'rating', 'text_tokens', 'answer_tokens', 'normalized_text', 'tags', 'created_at', 'updated_at'] as const
  const documents = new CopyWriter(documentClient, 'text_documents', [...documentColumns])

  const listing = (side: 'demands' | 'offers', id: number) => {
    const industry = random.pick(INDUSTRIES)
    const topic = TOPICS[industry]
    const subject = random.pick(topic.subjects)
    const problem = random.pick(topic.problems)
    const method = random.pick(topic.methods)
    const county = random.pick(counties).code
    const kind = random.pick(KINDS)
    const status = random.chance(0.9) ? 'published' : random.chance(0.5) ? 'held' : 'withdrawn'
    const at = new Date(end - random.int(0, 730) * DAY - random.int(0, DAY))
    const title = side === 'demands' ? `${subject}${problem}技术需求` : `${subject}${method}技术`
    const description =
      side === 'demands'
        ? `${random.int(50, 2000)} 亩（头）${subject}${problem}问题突出，希望引进${method}等技术，欢迎专家和科研单位对接。`
        : `针对${subject}${problem}，采用${method}，已在${random.int(2, 30)}个县示范推广，可提供技术指导和转化服务。`
    const document = documentRow(
      { sourceType: SUBJECTS[side], sourceId: String(id), industry, county, text: `${title}\n${description}`, public: status === 'published', tags: [`kind:${kind}`], createdAt: at },
      cut
    )
    documents.add(documentColumns.map((column) => document[column]))
    return { owner: side === 'demands' ? random.pick(entities) : random.pick(experts), kind, title, description, industries: [industry], county, status, at }
  }
  for (let id = 1; id <= DEMANDS; id++) {
    const row = listing('demands', id)
    const min = random.int(1, 50) * 100_000
    demands.add([row.owner, row.kind, row.title, row.description, row.industries, row.county, row.status, row.at, row.at, min, min + random.int(0, 50) * 100_000, new Date(row.at.getTime() + random.int(30, 180) * DAY).toISOString().slice(0, 10)])
    if (id % 2000 === 0) await Promise.all([demands.drain(), documents.drain()])
  }
  for (let id = 1; id <= OFFERS; id++) {
    const row = listing('offers', id)
    const patent = row.kind === 'patent' || random.chance(0.2)
    offers.add([row.owner, row.kind, row.title, row.description, row.industries, row.county, row.status, row.at, row.at, random.pick(['research', 'pilot', 'mature']), patent ? 'granted' : 'none', patent ? `ZL${random.int(2010, 2025)}${String(random.int(1, 99_999_999)).padStart(8, '0')}` : null])
    if (id % 2000 === 0) await Promise.all([offers.drain(), documents.drain()])
  }
  await Promise.all([demands.end(), offers.end(), documents.end()])
  log(`  ${DEMANDS} demands, ${OFFERS} offers and their documents (${elapsed()})`)

  const bounties = new CopyWriter(bountyClient, 'achievements_bounties', [
    'owner_id', 'title', 'description', 'industry', 'county_code', 'budget_min_fen', 'budget_max_fen', 'deadline', 'award_mode', 'status', 'held', 'claim_id', 'owner_fee_fen', 'expert_fee_fen', 'fee_mismatch', 'owner_rating', 'expert_rating', 'cancel_reason', 'created_at', 'updated_at',
  ])
  const claims = new CopyWriter(claimClient, 'achievements_bounty_claims', ['bounty_id', 'expert_user_id', 'proposal', 'status', 'created_at'])
  const events = new CopyWriter(eventClient, 'achievements_bounty_events', ['bounty_id', 'actor_id', 'from_status', 'to_status', 'note', 'created_at'])
  let claimId = 0
  for (let id = 1; id <= BOUNTIES; id++) {
    const industry = random.pick(INDUSTRIES)
    const topic = TOPICS[industry]
    const status = random.pick(BOUNTY_STATUSES)
    const at = new Date(end - random.int(0, 365) * DAY)
    const owner = random.pick(entities)
    const deadline = new Date((status === 'open' ? end + random.int(1, 60) * DAY : at.getTime() + random.int(10, 60) * DAY)).toISOString().slice(0, 10)
    const grabbers = [...new Set(Array.from({ length: random.int(status === 'open' ? 0 : 1, 4) }, () => random.pick(experts)))]
    let chosen: number | null = null
    for (const [index, expert] of grabbers.entries()) {
      claimId++
      const isChosen = status !== 'open' && status !== 'cancelled' && index === 0
      if (isChosen) chosen = claimId
      claims.add([id, expert, '有多年相关经验，可以上门指导。', isChosen ? 'chosen' : status === 'open' ? 'waiting' : 'not_chosen', new Date(at.getTime() + (index + 1) * 3_600_000)])
    }
    const fee = random.int(1, 60) * 100_000
    const agreed = status === 'agreed' || status === 'done'
    const mismatch = agreed && random.chance(0.05)
    bounties.add([
      owner, `${random.pick(topic.subjects)}${random.pick(topic.problems)}上门指导`, `需要专家上门解决${random.pick(topic.problems)}，采用${random.pick(topic.methods)}。`, industry, random.pick(counties).code,
      fee, fee + 200_000, deadline, random.chance(0.7) ? 'owner_picks' : 'first_qualified', chosen === null && status !== 'open' && status !== 'cancelled' ? 'cancelled' : status, false, chosen,
      agreed ? fee : null, agreed ? (mismatch ? fee + 100_000 : fee) : null, mismatch, status === 'done' ? random.int(3, 5) : null, status === 'done' ? random.int(3, 5) : null, status === 'cancelled' ? '需求已自行解决' : null, at, at,
    ])
    events.add([id, owner, null, 'open', null, at])
    if (id % 2000 === 0) await Promise.all([bounties.drain(), claims.drain(), events.drain()])
  }
  await Promise.all([bounties.end(), claims.end(), events.end()])

  const platforms = new CopyWriter(platformClient, 'achievements_platforms', ['name', 'kind', 'level', 'county_code', 'address', 'services', 'contact', 'created_at', 'updated_at'])
  const names = { star_space: '星创天地', science_park: '农业科技园区', maker_space: '众创空间', incubator: '农业科技孵化器' }
  for (let id = 1; id <= PLATFORMS; id++) {
    const county = random.pick(counties)
    const kind = random.pick(PLATFORM_KINDS)
    const at = new Date(end - random.int(0, 1500) * DAY)
    platforms.add([`${county.name}第${id}号${names[kind]}`, kind, random.pick(PLATFORM_LEVELS), county.code, `${county.cityName}${county.name}`, '创业辅导、技术培训、成果转化对接', `028-${random.int(80_000_000, 89_999_999)}`, at, at])
  }
  await platforms.end()
  log(`  ${BOUNTIES} bounties and ${PLATFORMS} platforms (${elapsed()})`)

  // Lectures: their media rows and the lectures in one statement, then the files' owner and the search documents.
  await client.query(`DELETE FROM media WHERE public_id LIKE '${LECTURE_MEDIA_PREFIX}%'`)
  const lecture = { owners: [] as number[], titles: [] as string[], summaries: [] as string[], industries: [] as string[], ats: [] as Date[], views: [] as number[], slides: [] as boolean[] }
  for (let n = 1; n <= LECTURES; n++) {
    const industry = random.pick(INDUSTRIES)
    const topic = TOPICS[industry]
    const subject = random.pick(topic.subjects)
    const method = random.pick(topic.methods)
    lecture.owners.push(random.pick(experts))
    lecture.titles.push(`${subject}${method}讲座`.slice(0, 60))
    lecture.summaries.push(`讲解${subject}${random.pick(topic.problems)}的成因和${method}的要点，适合农户和合作社技术员。`)
    lecture.industries.push(industry)
    lecture.ats.push(new Date(end - random.int(0, 730) * DAY - random.int(0, DAY)))
    lecture.views.push(random.int(0, 5000))
    lecture.slides.push(random.chance(0.2))
  }
  const made = await client.query(
    `WITH input AS (
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[], $7::boolean[]) WITH ORDINALITY AS t(owner, title, summary, industry, at, views, slides, n)
     ), files AS (
       INSERT INTO media (public_id, owner_id, kind, visibility, content_type, storage_key, size, file_name, subject_type, created_at)
       SELECT '${LECTURE_MEDIA_PREFIX}' || lpad(n::text, 10, '0'), owner, CASE WHEN slides THEN 'document' ELSE 'video' END, 'public',
         CASE WHEN slides THEN 'application/pdf' ELSE 'video/mp4' END, 'bench/lectures/' || n || CASE WHEN slides THEN '.pdf' ELSE '.mp4' END,
         CASE WHEN slides THEN 2000000 ELSE 30000000 END, CASE WHEN slides THEN '讲义.pdf' END, '${LECTURE_SUBJECT}', at
       FROM input RETURNING id, public_id
     )
     INSERT INTO achievements_lectures (expert_user_id, title, summary, industry, video_id, slides_id, rendition, views, page_count, created_at, updated_at)
     SELECT i.owner, i.title, i.summary, i.industry, CASE WHEN NOT i.slides THEN f.id END, CASE WHEN i.slides THEN f.id END,
       CASE WHEN i.slides THEN 'unavailable' ELSE 'pending' END, i.views, 0, i.at, i.at
     FROM input i JOIN files f ON f.public_id = '${LECTURE_MEDIA_PREFIX}' || lpad(i.n::text, 10, '0') ORDER BY i.n
     RETURNING id, coalesce(video_id, slides_id) AS media_id, title, summary, industry, created_at`,
    [lecture.owners, lecture.titles, lecture.summaries, lecture.industries, lecture.ats, lecture.views, lecture.slides]
  )
  // The files belong to their lecture (a second statement: the first one's new media rows are not visible to itself).
  await client.query('UPDATE media m SET subject_id = u.lecture FROM unnest($1::bigint[], $2::bigint[]) AS u(media, lecture) WHERE m.id = u.media', [
    made.rows.map((row) => row.media_id),
    made.rows.map((row) => row.id),
  ])
  const lectureDocuments = new CopyWriter(documentClient, 'text_documents', [...documentColumns])
  for (const row of made.rows) {
    const document = documentRow({ sourceType: LECTURE_SUBJECT, sourceId: String(row.id), industry: row.industry, text: `${row.title}\n${row.summary}`, public: true, createdAt: row.created_at }, cut)
    lectureDocuments.add(documentColumns.map((column) => document[column]))
  }
  await lectureDocuments.end()
  log(`  ${LECTURES} lectures and their documents (${elapsed()})`)
  // Vacuumed, not only analysed: a rerun (--modules achievements) deleted the documents it rewrites, and index-only scans
  // (the matcher's join back to text_documents by id) would visit the heap for every row until autovacuum came by.
  await client.query('VACUUM (ANALYZE) achievements_tech_demands, achievements_tech_offers, achievements_bounties, achievements_bounty_claims, achievements_platforms, achievements_lectures, text_documents')
  return DEMANDS + OFFERS + BOUNTIES + claimId + PLATFORMS + LECTURES
}
