/*
 * `npm run bench:text` (after `npm run bench:setup`): latency of 找类似 (similar) and
 * directory search (search) on the plan-scale database, the build time of the text
 * indexes, the same queries as a naive ILIKE '%…%' scan (and the ratio), and the
 * labelled evaluation's recall with the fixture cases among all the documents.
 *
 * Flags: --queries N (per group, default 300), --ilike N (queries timed as a scan,
 * default 20), --skip-index-build, --skip-eval.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startBenchDatabase, root } from './database.js'
import { bootApp, percentiles, time } from './app.js'

const { values: flags } = parseArgs({
  options: {
    'queries': { type: 'string', default: '300' },
    'ilike': { type: 'string', default: '20' },
    'skip-index-build': { type: 'boolean', default: false },
    'skip-eval': { type: 'boolean', default: false },
  },
})
const perGroup = Number(flags.queries)
const ilikeCount = Number(flags.ilike)

const database = await startBenchDatabase()
const booted = await bootApp(database.url, { http: false })
const { default: db } = await import('@adonisjs/lucid/services/db')
const { similar, search, MAX_QUERY_TOKENS } = await import('#core/text/documents')
const { tokenize } = await import('#core/text/segmenter')
const { RegionScope } = await import('#core/regions/region_scope')

try {
  const counts = (await db.rawQuery(`SELECT source_type, count(*)::int AS n FROM text_documents GROUP BY 1 ORDER BY 2 DESC`)).rows
  console.log(`text_documents: ${counts.map((row: any) => `${row.source_type} ${row.n.toLocaleString('en')}`).join(', ')}`)
  const load = () => (process.platform === 'linux' ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : '?')
  console.log(`load average at start: ${load()}`)

  // The query set: farmers' paraphrases (eval.jsonl), generated cases as the 报需求
  // form sends them (with industry and county), short one- or two-word queries.
  const evalItems = readFileSync(`${root}tests/fixtures/text/eval.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { text: string; industry: string })
  const total = Number((await db.rawQuery('SELECT max(id) AS n FROM experts_consultations')).rows[0].n ?? 0)
  const step = Math.max(1, Math.floor(total / perGroup))
  const generated = (
    await db.rawQuery(`SELECT text, industry_code, county_code FROM experts_consultations WHERE id % ? = 7 ORDER BY id LIMIT ?`, [step, perGroup])
  ).rows
  const words = (
    await db.rawQuery(
      `SELECT split_part(text_tokens, ' ', 1 + (id % 3)::int) AS word FROM text_documents
       WHERE source_type = 'consultation' AND id % ? = 3 ORDER BY id LIMIT ?`,
      [Math.max(1, Math.floor(total / 100)), 100]
    )
  ).rows.map((row: any) => row.word).filter(Boolean)
  const shortQueries = words.map((word: string, index: number) => (index % 2 ? `${word} ${words[(index * 7) % words.length]}` : word))

  const similarQueries: { text: string; industry?: string; county?: string; group: string }[] = [
    ...evalItems.slice(0, perGroup).map((item) => ({ text: item.text, group: 'eval.jsonl' })),
    ...generated.map((row: any) => ({ text: row.text, industry: row.industry_code, county: row.county_code, group: 'generated + industry/county' })),
    ...shortQueries.map((text: string) => ({ text, group: 'one or two words' })),
  ]
  const directoryQueries = [
    ...shortQueries.slice(0, 40),
    '水稻 病虫害', '生猪 疫病防控', '成都 果树', '大邑 水稻', '茶叶 栽培技术', '农机维修', '研究员 猕猴桃', '川芎', '牦牛', '鱼病',
    ...evalItems.slice(0, 40).map((item) => item.text.slice(0, 12)),
  ]
  const scopes = [null, RegionScope.fromPrefix('5101'), RegionScope.fromPrefix('510129'), RegionScope.fromPrefix('5134')]

  // Warm-up: the first queries load index pages into memory, as a running server has them.
  for (const query of similarQueries.slice(0, 50)) await similar(query.text, { industry: query.industry, county: query.county })

  const byGroup = new Map<string, number[]>()
  const similarTimes: number[] = []
  for (const query of similarQueries) {
    const [ms] = await time(() => similar(query.text, { industry: query.industry, county: query.county, limit: 5 }))
    similarTimes.push(ms)
    byGroup.set(query.group, [...(byGroup.get(query.group) ?? []), ms])
  }
  const expertTimes: number[] = []
  for (const [index, query] of directoryQueries.entries()) {
    const [ms] = await time(() => search(query, { sourceType: 'expert', scope: scopes[index % scopes.length], limit: 21 }))
    expertTimes.push(ms)
  }
  const caseSearchTimes: number[] = []
  for (const query of directoryQueries) {
    const [ms] = await time(() => search(query, { sourceType: 'consultation', limit: 21 }))
    caseSearchTimes.push(ms)
  }

  const rows: Record<string, ReturnType<typeof percentiles>> = {
    'similar (all)': percentiles(similarTimes),
    ...Object.fromEntries([...byGroup].map(([group, samples]) => [`  similar: ${group}`, percentiles(samples)])),
    'search experts (directory)': percentiles(expertTimes),
    'search consultations': percentiles(caseSearchTimes),
  }
  console.log('\nlatency in ms (sequential, warm cache):')
  console.table(rows)

  // The naive alternative: a sequential ILIKE scan for the same tokens, best match first.
  const sample = similarQueries.filter((_, index) => index % Math.max(1, Math.floor(similarQueries.length / ilikeCount)) === 0).slice(0, ilikeCount)
  const scanTimes: number[] = []
  const indexedTimes: number[] = []
  for (const query of sample) {
    const tokens = [...new Set(tokenize(query.text))].slice(0, MAX_QUERY_TOKENS)
    if (tokens.length === 0) continue
    const patterns = tokens.map((token) => `%${token}%`)
    const [scan] = await time(() =>
      db.rawQuery(
        `SELECT id, (${patterns.map(() => '(text ILIKE ?)::int').join(' + ')}) AS hits FROM text_documents
         WHERE public AND source_type <> 'expert' AND (${patterns.map(() => 'text ILIKE ?').join(' OR ')})
         ORDER BY hits DESC, id LIMIT 5`,
        [...patterns, ...patterns]
      )
    )
    const [indexed] = await time(() => similar(query.text, { industry: query.industry, county: query.county, limit: 5 }))
    scanTimes.push(scan)
    indexedTimes.push(indexed)
  }
  const scan = percentiles(scanTimes)
  const indexed = percentiles(indexedTimes)
  console.log(`\nILIKE scan vs similar() on the same ${scan.n} queries:`)
  console.table({ 'ILIKE scan': scan, 'similar()': indexed })
  console.log(`ratio: p50 ${(scan.p50 / indexed.p50).toFixed(0)}×, p95 ${(scan.p95 / indexed.p95).toFixed(0)}×`)

  if (!flags['skip-index-build']) {
    console.log('\nindex build (REINDEX, one at a time):')
    const indexes = (
      await db.rawQuery(`SELECT indexname FROM pg_indexes WHERE tablename = 'text_documents' AND indexdef ~ 'USING gin' ORDER BY 1`)
    ).rows
    await db.rawQuery(`SET maintenance_work_mem = '1GB'`)
    for (const { indexname } of indexes) {
      const [ms] = await time(() => db.rawQuery(`REINDEX INDEX ${indexname}`))
      const size = (await db.rawQuery(`SELECT pg_size_pretty(pg_relation_size(?)) AS size`, [indexname])).rows[0].size
      console.log(`  ${indexname}: ${(ms / 1000).toFixed(1)} s (${size})`)
    }
  }

  if (!flags['skip-eval']) {
    const { evaluate } = await import('#core/text/evaluation')
    const scores = await evaluate(
      { cases: `${root}tests/fixtures/text/cases.jsonl`, eval: `${root}tests/fixtures/text/eval.jsonl`, split: `${root}tests/fixtures/text/split.json` },
      {
        'fixture cases only (= text:eval)': {},
        'among every document': { everything: true },
        'among every document + industry': { everything: true, useIndustry: true },
      }
    )
    console.log('\nlabelled evaluation on this database (fixture cases imported and rolled back; a generated case of the same problem counts):')
    const flat: Record<string, unknown> = {}
    for (const [name, report] of Object.entries(scores)) {
      for (const part of ['development', 'heldOut'] as const) {
        const { byIndustry: _byIndustry, ...figures } = report[part]
        flat[`${name} · ${part}`] = figures
      }
    }
    console.table(flat)
  }
  console.log(`load average at end: ${load()}`)
} finally {
  await booted.stop()
  await database.stop()
}
