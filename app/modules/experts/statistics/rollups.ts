import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { BEIJING } from '#core/clock'
import regionDirectory from '#core/regions/region_directory'
import { RESPONSE_WINDOW_MS, TRIAGE_WINDOW_MS } from '#modules/experts/shared/consultation_states'

/*
 * The rollups (migration 0390) kept from experts_case_facts. A county's day is
 * aggregated from its facts; a city's day from its counties' days, the province's from
 * the cities', and every month from its days, so one changed case rewrites a handful
 * of rows. The people rows are monthly only (a person's day rarely has more than one
 * case, so daily rows would be as many as the facts): the days around full months are
 * read from the facts themselves (compute.ts).
 */

/** The Beijing day of a case's submission, as SQL over the facts alias `f`. */
export const FACT_DAY = `(f.created_at AT TIME ZONE '${BEIJING}')::date`
const FACT_MONTH = `date_trunc('month', f.created_at AT TIME ZONE '${BEIJING}')::date`

const interval = (ms: number) => `interval '${ms} milliseconds'`

/**
 * The additive figures of a set of facts `f`. A deadline is "settled" once its time has
 * been measured; those still open are counted at reading time (compute.ts: openDeadlines).
 */
export const FIGURES: Record<string, string> = {
  cases: 'count(*)',
  resolved_by_similar: `count(*) FILTER (WHERE f.state = 'resolved_by_similar')`,
  auto_closed: 'count(*) FILTER (WHERE f.auto_closed)',
  rated: 'count(f.rating)',
  rating_sum: 'coalesce(sum(f.rating), 0)',
  ruled: 'count(f.service_valid)',
  valid: 'count(*) FILTER (WHERE f.service_valid)',
  triage_hits: `count(*) FILTER (WHERE f.assigned_at <= f.created_at + ${interval(TRIAGE_WINDOW_MS)})`,
  triage_settled: 'count(f.assigned_at)',
  response_hits: `count(*) FILTER (WHERE f.first_response_at <= f.assigned_at + ${interval(RESPONSE_WINDOW_MS)})`,
  response_settled: 'count(f.first_response_at)',
  followup_hits: 'count(*) FILTER (WHERE f.followed_up_at <= f.followup_due_at)',
  followup_settled: 'count(f.followed_up_at)',
  expert_cases: 'count(f.expert_id)',
  officer_cases: 'count(*) FILTER (WHERE f.by_officer)',
}
export const FIGURE_COLUMNS = Object.keys(FIGURES)

/** The measured times of the facts `f` as rows (kind, bucket): t triage, r response, f 回访 after closing. */
export const TIMES_FROM = `CROSS JOIN LATERAL (VALUES
    ('t', experts_duration_bucket(extract(epoch FROM f.assigned_at - f.created_at))),
    ('r', experts_duration_bucket(extract(epoch FROM f.first_response_at - f.assigned_at))),
    ('f', experts_duration_bucket(extract(epoch FROM f.followed_up_at - f.closed_at)))
  ) AS v(kind, bucket)`

/** The seconds a bucket of experts_duration_bucket stands for (minutes below an hour, 0.1 h below a day, 0.1 day above). */
export function bucketSeconds(bucket: number): number {
  if (bucket <= 60) return bucket * 60
  if (bucket <= 290) return 3600 + (bucket - 60) * 360
  return 86400 + (bucket - 290) * 8640
}

/**
 * A median as percentile_cont(0.5) computes it (the mean of the two middle values for
 * an even count), over bucketed times: exact for times on the bucket grid, otherwise
 * within half a bucket (30 s below an hour, 3 min below a day, 0.05 day above).
 */
export function medianOf(histogram: Map<number, number>): number | null {
  const buckets = [...histogram.entries()].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0])
  const total = buckets.reduce((sum, [, count]) => sum + count, 0)
  if (total === 0) return null
  const position = (total - 1) / 2
  const valueAt = (index: number) => {
    let seen = 0
    for (const [bucket, count] of buckets) {
      seen += count
      if (index < seen) return bucketSeconds(bucket)
    }
    return bucketSeconds(buckets[buckets.length - 1][0])
  }
  const low = valueAt(Math.floor(position))
  const high = valueAt(Math.ceil(position))
  return low + (high - low) * (position - Math.floor(position))
}

type Sql = { sql: string; bindings: unknown[] }
interface Spec {
  table: string
  keys: string[]
  values: string[]
  /** A condition that lets every statement use the table's indexes. */
  filter?: string
}
const SPECS = {
  figures: { table: 'experts_rollup_figures', keys: [], values: FIGURE_COLUMNS },
  counts: { table: 'experts_rollup_counts', keys: ['industry_code', 'state'], values: ['cases'] },
  times: { table: 'experts_rollup_times', keys: ['kind', 'bucket'], values: ['cases'] },
} satisfies Record<string, Spec>
const PEOPLE: Spec = {
  table: 'experts_rollup_people',
  keys: ['kind', 'person_id'],
  values: ['cases', 'valid', 'rated', 'rating_sum', 'misses'],
  filter: `x.kind IN ('e', 'o')`,
}

/** County-day rows of the three daily tables, from the facts `f` of `source`. */
function countyDays(source: string): Record<keyof typeof SPECS, string> {
  return {
    figures: `INSERT INTO experts_rollup_figures (region, grain, day, ${FIGURE_COLUMNS.join(', ')})
      SELECT f.county_code, 'd', ${FACT_DAY}, ${Object.values(FIGURES).join(', ')} FROM ${source} GROUP BY 1, 3`,
    counts: `INSERT INTO experts_rollup_counts (region, grain, day, industry_code, state, cases)
      SELECT f.county_code, 'd', ${FACT_DAY}, f.industry_code, f.state, count(*) FROM ${source} GROUP BY 1, 3, 4, 5`,
    times: `INSERT INTO experts_rollup_times (region, grain, day, kind, bucket, cases)
      SELECT f.county_code, 'd', ${FACT_DAY}, v.kind, v.bucket, count(*) FROM ${source} ${TIMES_FROM}
      WHERE v.bucket IS NOT NULL GROUP BY 1, 3, 4, 5`,
  }
}

/** County-month people rows from the facts `f` of `source`: experts by the cases they hold and the responses they missed, 信息员 by the cases they reported. */
function countyPeople(source: string) {
  return `WITH facts AS (SELECT f.* FROM ${source})
    INSERT INTO experts_rollup_people (region, grain, kind, day, person_id, cases, valid, rated, rating_sum, misses)
    SELECT region, 'm', kind, day, person_id, sum(cases), sum(valid), sum(rated), sum(rating_sum), sum(misses) FROM (
      SELECT f.county_code AS region, 'e' AS kind, ${FACT_MONTH} AS day, f.expert_id AS person_id, 1 AS cases,
        (f.service_valid IS TRUE)::int AS valid, (f.rating IS NOT NULL)::int AS rated, coalesce(f.rating, 0) AS rating_sum, 0 AS misses
      FROM facts f WHERE f.expert_id IS NOT NULL
      UNION ALL
      SELECT f.county_code, 'e', ${FACT_MONTH}, m.id, 0, 0, 0, 0, 1 FROM facts f CROSS JOIN LATERAL unnest(f.missed_by) AS m(id)
      UNION ALL
      SELECT f.county_code, 'o', ${FACT_MONTH}, f.reporter_id, 1, (f.service_valid IS TRUE)::int, (f.rating IS NOT NULL)::int,
        coalesce(f.rating, 0), coalesce(cardinality(f.missed_by), 0)
      FROM facts f WHERE f.by_officer
    ) AS x GROUP BY 1, 3, 4, 5`
}

type Grain = 'd' | 'm' | 'q' | 'y'
const TRUNC: Record<Grain, string> = { d: 'day', m: 'month', q: 'quarter', y: 'year' }

/**
 * Rows of `spec` for wider regions (city, province: same grain) or longer periods
 * (month from days, quarter from months, year from quarters), summed from the narrower
 * rows of grain `from` matching `where`.
 */
function rollUp(spec: Spec, target: 'city' | 'province' | Grain, from: Grain, where: Sql): Sql {
  const region = target === 'city' ? 'left(x.region, 4)' : target === 'province' ? `'51'` : 'x.region'
  const to: Grain = target === 'city' || target === 'province' ? from : target
  const day = to === from ? 'x.day' : `date_trunc('${TRUNC[to]}', x.day)::date`
  const keys = spec.keys.map((key) => `x.${key}`)
  return {
    sql: `INSERT INTO ${spec.table} (region, grain, day, ${[...spec.keys, ...spec.values].join(', ')})
      SELECT ${[region, `'${to}'`, day, ...keys, ...spec.values.map((value) => `sum(x.${value})`)].join(', ')}
      FROM ${spec.table} x WHERE x.grain = '${from}' AND ${spec.filter ? `${spec.filter} AND ` : ''}${where.sql}
      GROUP BY ${[target === 'province' ? null : region, day, ...keys].filter(Boolean).join(', ')}`,
    bindings: where.bindings,
  }
}

const pairs = (list: [string, string][]): Sql => ({
  sql: '(x.region, x.day) IN (SELECT r, d FROM unnest(?::text[], ?::date[]) AS p(r, d))',
  bindings: [list.map(([region]) => region), list.map(([, day]) => day)],
})

async function run(trx: TransactionClientContract, query: Sql) {
  await trx.rawQuery(query.sql, query.bindings as any[])
}

/** The counties of each city prefix, and the city prefixes, from the region directory. */
async function hierarchy() {
  const counties = new Map<string, string[]>()
  for (const { city, counties: list } of await regionDirectory.tree()) counties.set(city.code.slice(0, 4), list.map((county) => county.code))
  return counties
}

const monthOf = (day: string) => `${day.slice(0, 7)}-01`
function addMonths(month: string, count: number) {
  const date = new Date(`${month}T00:00:00Z`)
  date.setUTCMonth(date.getUTCMonth() + count)
  return date.toISOString().slice(0, 10)
}
const quarterOf = (month: string) => `${month.slice(0, 5)}${String(Math.floor((Number(month.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`
function daysOfMonth(month: string): string[] {
  const days: string[] = []
  const cursor = new Date(`${month}T00:00:00Z`)
  while (cursor.toISOString().slice(0, 7) === month.slice(0, 7)) {
    days.push(cursor.toISOString().slice(0, 10))
    cursor.setUTCDate(cursor.getUTCDate() + 1)
  }
  return days
}

/** Every rollup row again from all facts (the first refresh after the rollups were added, or after a bulk load). */
export async function rebuildAllRollups(trx: TransactionClientContract) {
  await trx.rawQuery('TRUNCATE experts_rollup_figures, experts_rollup_counts, experts_rollup_times, experts_rollup_people')
  const all: Sql = { sql: 'true', bindings: [] }
  for (const [name, sql] of Object.entries(countyDays('experts_case_facts f'))) {
    const spec = SPECS[name as keyof typeof SPECS]
    await trx.rawQuery(sql)
    await run(trx, rollUp(spec, 'city', 'd', { sql: 'length(x.region) = 6', bindings: [] }))
    await run(trx, rollUp(spec, 'province', 'd', { sql: 'length(x.region) = 4', bindings: [] }))
    await run(trx, rollUp(spec, 'm', 'd', all))
  }
  await trx.rawQuery(countyPeople('experts_case_facts f'))
  await run(trx, rollUp(PEOPLE, 'city', 'm', { sql: 'length(x.region) = 6', bindings: [] }))
  await run(trx, rollUp(PEOPLE, 'province', 'm', { sql: 'length(x.region) = 4', bindings: [] }))
  await run(trx, rollUp(PEOPLE, 'q', 'm', all))
  await run(trx, rollUp(PEOPLE, 'y', 'q', all))
  // Fresh tables have no planner statistics: without them the first reads pick poor plans.
  for (const table of ['experts_rollup_figures', 'experts_rollup_counts', 'experts_rollup_times', 'experts_rollup_people']) await trx.rawQuery(`ANALYZE ${table}`)
}

/**
 * Rewrites the rollup rows of the given county days (the days of facts just inserted
 * or changed), of their cities and the province on those days, and of the months they
 * fall in, all inside the refresh's transaction.
 */
export async function refreshRollups(trx: TransactionClientContract, cells: { county: string; day: string }[]) {
  if (cells.length === 0) return
  const key = (region: string, day: string) => `${region}|${day}`
  const unique = (list: [string, string][]) => [...new Map(list.map((pair) => [key(...pair), pair])).values()]
  const countyDaysList = unique(cells.map(({ county, day }) => [county, day]))
  const cityDays = unique(countyDaysList.map(([county, day]) => [county.slice(0, 4), day]))
  const provinceDays = unique(countyDaysList.map(([, day]) => ['51', day]))
  const counties = await hierarchy()
  const children = (list: [string, string][], of: (prefix: string) => string[]) =>
    list.flatMap(([region, day]) => of(region).map((child) => [child, day] as [string, string]))
  const cityChildren = children(cityDays, (city) => counties.get(city) ?? [])
  const provinceChildren = children(provinceDays, () => [...counties.keys()])
  const months = unique([...countyDaysList, ...cityDays, ...provinceDays].map(([region, day]) => [region, monthOf(day)]))
  const monthDays = months.flatMap(([region, month]) => daysOfMonth(month).map((day) => [region, day] as [string, string]))

  const remove = async (table: string, list: [string, string][], grain: Grain) =>
    trx.rawQuery(
      `DELETE FROM ${table} x WHERE x.grain = '${grain}' AND ${table === PEOPLE.table ? `${PEOPLE.filter} AND ` : ''}(x.region, x.day) IN (SELECT r, d FROM unnest(?::text[], ?::date[]) AS p(r, d))`,
      [list.map(([region]) => region), list.map(([, day]) => day)]
    )
  const source = `(SELECT f.* FROM unnest(?::text[], ?::date[]) AS c(county, day)
      JOIN experts_case_facts f ON f.county_code = c.county
       AND f.created_at >= (c.day::timestamp AT TIME ZONE '${BEIJING}') AND f.created_at < ((c.day + 1)::timestamp AT TIME ZONE '${BEIJING}')) f`
  const sourceBindings = [countyDaysList.map(([county]) => county), countyDaysList.map(([, day]) => day)]
  for (const [name, sql] of Object.entries(countyDays(source))) {
    const spec = SPECS[name as keyof typeof SPECS]
    await remove(spec.table, [...countyDaysList, ...cityDays, ...provinceDays], 'd')
    await remove(spec.table, months, 'm')
    await trx.rawQuery(sql, sourceBindings)
    await run(trx, rollUp(spec, 'city', 'd', pairs(cityChildren)))
    await run(trx, rollUp(spec, 'province', 'd', pairs(provinceChildren)))
    await run(trx, rollUp(spec, 'm', 'd', pairs(monthDays)))
  }

  // People: the county months again from their facts, then their cities and the province.
  const countyMonths = unique(countyDaysList.map(([county, day]) => [county, monthOf(day)]))
  const cityMonths = unique(countyMonths.map(([county, month]) => [county.slice(0, 4), month]))
  const provinceMonths = unique(countyMonths.map(([, month]) => ['51', month]))
  const peopleMonths = [...countyMonths, ...cityMonths, ...provinceMonths]
  const quarters = unique(peopleMonths.map(([region, month]) => [region, quarterOf(month)]))
  const years = unique(peopleMonths.map(([region, month]) => [region, `${month.slice(0, 4)}-01-01`]))
  await remove(PEOPLE.table, peopleMonths, 'm')
  await remove(PEOPLE.table, quarters, 'q')
  await remove(PEOPLE.table, years, 'y')
  await trx.rawQuery(
    countyPeople(`(SELECT f.* FROM unnest(?::text[], ?::date[]) AS c(county, month)
      JOIN experts_case_facts f ON f.county_code = c.county
       AND f.created_at >= (c.month::timestamp AT TIME ZONE '${BEIJING}')
       AND f.created_at < ((c.month + interval '1 month')::timestamp AT TIME ZONE '${BEIJING}')) f`),
    [countyMonths.map(([county]) => county), countyMonths.map(([, month]) => month)]
  )
  await run(trx, rollUp(PEOPLE, 'city', 'm', pairs(children(cityMonths, (city) => counties.get(city) ?? []))))
  await run(trx, rollUp(PEOPLE, 'province', 'm', pairs(children(provinceMonths, () => [...counties.keys()]))))
  const monthsOf = (start: string, count: number) => Array.from({ length: count }, (_, index) => addMonths(start, index))
  await run(trx, rollUp(PEOPLE, 'q', 'm', pairs(quarters.flatMap(([region, quarter]) => monthsOf(quarter, 3).map((month) => [region, month] as [string, string])))))
  await run(trx, rollUp(PEOPLE, 'y', 'q', pairs(years.flatMap(([region, year]) => monthsOf(year, 12).filter((_, index) => index % 3 === 0).map((month) => [region, month] as [string, string])))))
}
