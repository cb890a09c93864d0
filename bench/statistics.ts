/*
 * `npm run bench:statistics` (after `npm run bench:setup`): on the plan-scale
 * database, brings experts_case_facts up to date (the first run reads all cases) and
 * computes the default view of every region as the refresh job does; then prints
 * p50/p95/p99 of reading those views, of computing the statistics live for the
 * busiest county, city and the province over 30 days, a year and 10 years, and the
 * export speed (rows/s, peak RSS growth) of a year of the busiest city, CSV and XLSX.
 * The pages themselves (HTTP, templates) are in bench/modules/experts.ts.
 */
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { startBenchDatabase } from './database.js'
import { bootApp, percentiles, time } from './app.js'

const { values: flags } = parseArgs({ options: { n: { type: 'string', default: '30' }, 'exports-only': { type: 'boolean', default: false } } })
const requests = Math.max(1, Number(flags.n) || 30)

const database = await startBenchDatabase()
const booted = await bootApp(database.url, { http: false })
try {
  const { default: db } = await import('@adonisjs/lucid/services/db')
  const { RegionScope } = await import('../app/core/regions/region_scope.js')
  const { refreshCaseFacts } = await import('../app/modules/experts/statistics/refresh.js')
  const { computeStatistics } = await import('../app/modules/experts/statistics/compute.js')
  const { statisticsFor, warmDefaultSnapshots } = await import('../app/modules/experts/statistics/snapshots.js')
  const { dateRange } = await import('../app/modules/experts/statistics/validators.js')
  const { exportRecords, COLUMNS } = await import('../app/modules/experts/exports/records.js')
  const { default: User } = await import('../app/core/accounts/models/user.js')

  const [refreshMs, refreshed] = await time(() => refreshCaseFacts())
  console.log(`facts refresh: ${refreshed.changed} rows in ${(refreshMs / 1000).toFixed(1)} s`)
  const [againMs] = await time(() => refreshCaseFacts())
  console.log(`facts refresh with nothing new: ${againMs.toFixed(1)} ms`)

  const [warmMs, warmed] = await time(() => warmDefaultSnapshots())
  console.log(`default views of ${warmed.computed} regions computed in ${(warmMs / 1000).toFixed(1)} s`)

  const busiest = async (length: number) =>
    (await db.rawQuery(`SELECT left(county_code, ?) AS prefix FROM experts_case_facts GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`, [length])).rows[0].prefix
  const scopes = { county: await busiest(6), city: await busiest(4), province: '51' }
  const { rows: latest } = await db.rawQuery('SELECT max(created_at) AS at FROM experts_case_facts')
  const end = new Date(latest[0].at)
  const DAY = 86_400_000
  const results: Record<string, object> = {}
  const defaultRange = dateRange({}, { invalid: '', order: '', tooLong: '' })
  for (const [level, prefix] of flags['exports-only'] ? [] : Object.entries(scopes)) {
    const samples: number[] = []
    for (let i = 0; i < requests; i++) samples.push((await time(() => statisticsFor(RegionScope.fromPrefix(prefix), defaultRange)))[0])
    results[`${level} ${prefix}, default view (kept)`] = percentiles(samples)
  }
  for (const [days, label] of flags['exports-only'] ? [] : ([[30, '30 days'], [365, '1 year'], [3650, '10 years']] as const)) {
    for (const [level, prefix] of Object.entries(scopes)) {
      const range = { from: new Date(end.getTime() - days * DAY), to: end }
      const samples: number[] = []
      let cases = 0
      for (let i = 0; i < Math.min(requests, days > 365 ? 3 : 10); i++) {
        const [ms, statistics] = await time(() => computeStatistics(RegionScope.fromPrefix(prefix), range, end))
        samples.push(ms)
        cases = statistics.overall.cases
      }
      results[`${level} ${prefix}, ${label} (computed)`] = { cases, ...percentiles(samples) }
    }
  }
  console.table(results)

  const admin = await User.query().whereHas('roleGrants', (query) => query.where('role', 'platform_admin')).firstOrFail()
  const labels = {
    columns: Object.fromEntries(COLUMNS.map((column) => [column, column])) as any,
    states: {},
    categories: {},
    yes: '是',
    no: '否',
    sheet: 'records',
  }
  for (const format of ['csv', 'xlsx'] as const) {
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    let bytes = 0
    const [ms] = await time(async () =>
      pipeline(
        await exportRecords({
          actor: admin,
          actorRole: 'platform_admin',
          ip: null,
          filters: { region: RegionScope.fromPrefix(scopes.city), from: new Date(end.getTime() - 365 * DAY), to: end, fromDay: 'bench', toDay: 'bench' },
          phones: 'masked',
          format,
          labels,
        }),
        new Writable({ write: (chunk, _encoding, next) => ((bytes += chunk.length), next()) })
      )
    )
    clearInterval(sampler)
    const { rows } = await db.rawQuery(`SELECT changes->'rows'->>'new' AS n FROM audit_log WHERE action = 'experts.export' ORDER BY id DESC LIMIT 1`)
    const n = Number(rows[0].n)
    console.log(
      `export ${format}, city ${scopes.city}, 1 year: ${n} rows, ${(bytes / 1048576).toFixed(1)} MB in ${(ms / 1000).toFixed(2)} s = ${Math.round(n / (ms / 1000))} rows/s, peak RSS growth ${((peak - before) / 1048576).toFixed(1)} MB`
    )
  }
} finally {
  await booted.stop()
  await database.stop()
}
