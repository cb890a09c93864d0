import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { RegionScope } from '#core/regions/region_scope'
import { DateTime } from 'luxon'
import { RESPONSE_WINDOW_MS, TRIAGE_WINDOW_MS } from '#modules/experts/shared/consultation_states'
import { BEIJING } from '#core/clock'
import regionDirectory from '#core/regions/region_directory'
import { FACT_DAY, FIGURES, FIGURE_COLUMNS, TIMES_FROM, medianOf } from '#modules/experts/statistics/rollups'

export interface Sla {
  /** Cases whose deadline has been met, out of those whose deadline has come (met or not). */
  hits: number
  due: number
  rate: number | null
  /** Median of the measured times, in seconds (percentile_cont: the mean of the two middle ones for an even count). */
  medianSeconds: number | null
}

export interface Figures {
  cases: number
  resolvedBySimilar: number
  autoClosed: number
  rated: number
  averageRating: number | null
  ruled: number
  valid: number
  validRate: number | null
  triage: Sla
  response: Sla
  followup: Sla
}

export interface PersonRow {
  id: number
  name: string
  cases: number
  valid: number
  averageRating: number | null
  misses: number
}

export type BucketUnit = 'day' | 'week' | 'month'

export interface Statistics {
  overall: Figures
  byState: { state: string; cases: number }[]
  byIndustry: { industry: string; cases: number }[]
  series: { bucket: string; cases: number }[]
  unit: BucketUnit
  /** The cities of the province, or the counties of a city; empty for a county. */
  areas: ({ code: string } & Figures)[]
  experts: PersonRow[]
  officers: PersonRow[]
}

/** Longest ranges are drawn by week or month so a line chart keeps ≤ ~120 points. */
export function bucketUnit(from: Date, to: Date): BucketUnit {
  const days = (to.getTime() - from.getTime()) / 86_400_000
  return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month'
}

/*
 * Deadline rules, per case. A deadline counts once it is met or has passed: a case
 * still waiting for triage two hours after submission is a miss, one submitted ten
 * minutes ago is not counted yet. The rollups hold the settled deadlines; the open
 * ones are counted from the facts at the moment of reading (few rows, partial index).
 */
const OPEN = `((f.assigned_at IS NULL AND f.state = 'awaiting_triage') OR (f.first_response_at IS NULL AND f.assigned_at IS NOT NULL) OR (f.followed_up_at IS NULL AND f.followup_due_at IS NOT NULL))`
const OPEN_PASSED = {
  triage: `count(*) FILTER (WHERE f.assigned_at IS NULL AND f.state = 'awaiting_triage' AND f.created_at + interval '${TRIAGE_WINDOW_MS} milliseconds' < :now)::int`,
  response: `count(*) FILTER (WHERE f.first_response_at IS NULL AND f.assigned_at + interval '${RESPONSE_WINDOW_MS} milliseconds' < :now)::int`,
  followup: `count(*) FILTER (WHERE f.followed_up_at IS NULL AND f.followup_due_at < :now)::int`,
}

type Sums = Record<string, number>
const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)
const zero = (): Sums => Object.fromEntries(FIGURE_COLUMNS.map((column) => [column, 0]))
function add(into: Sums, row: any) {
  for (const column of FIGURE_COLUMNS) into[column] += Number(row[column] ?? 0)
  return into
}

function figures(sums: Sums, open: { triage: number; response: number; followup: number }, medians: Partial<Record<'t' | 'r' | 'f', number | null>> = {}): Figures {
  const sla = (name: 'triage' | 'response' | 'followup', key: 't' | 'r' | 'f'): Sla => {
    const due = sums[`${name}_settled`] + open[name]
    return { hits: sums[`${name}_hits`], due, rate: rate(sums[`${name}_hits`], due), medianSeconds: medians[key] ?? null }
  }
  return {
    cases: sums.cases,
    resolvedBySimilar: sums.resolved_by_similar,
    autoClosed: sums.auto_closed,
    rated: sums.rated,
    averageRating: sums.rated > 0 ? sums.rating_sum / sums.rated : null,
    ruled: sums.ruled,
    valid: sums.valid,
    validRate: rate(sums.valid, sums.ruled),
    triage: sla('triage', 't'),
    response: sla('response', 'r'),
    followup: sla('followup', 'f'),
  }
}

interface Periods {
  /** First days of the months wholly inside the range, and the other whole days. */
  months: string[]
  days: string[]
  /** Whole Beijing days from `first` (inclusive) to `last` (exclusive), or null. */
  first: string | null
  last: string | null
  /** Parts of the range that are not whole days (read from the facts). */
  edges: [Date, Date][]
  /** Parts of the range outside the whole months (the people lists read them from the facts). */
  outsideMonths: [Date, Date][]
}

const dayOf = (at: DateTime) => at.toFormat('yyyy-MM-dd')

/** [from, to) as whole months, whole days and the pieces of days at either end. */
export function periodsOf(from: Date, to: Date): Periods {
  const start = DateTime.fromJSDate(from).setZone(BEIJING)
  const a = start.startOf('day').equals(start) ? start : start.startOf('day').plus({ days: 1 })
  const b = DateTime.fromJSDate(to).setZone(BEIJING).startOf('day')
  if (a >= b) return { months: [], days: [], first: null, last: null, edges: from < to ? [[from, to]] : [], outsideMonths: from < to ? [[from, to]] : [] }
  const edges: [Date, Date][] = []
  if (from < a.toJSDate()) edges.push([from, a.toJSDate()])
  if (b.toJSDate() < to) edges.push([b.toJSDate(), to])
  const months: string[] = []
  const days: string[] = []
  let firstMonth: DateTime | null = null
  let lastMonthEnd: DateTime | null = null
  for (let cursor = a; cursor < b; ) {
    const monthEnd = cursor.plus({ months: 1 })
    if (cursor.day === 1 && monthEnd <= b) {
      months.push(dayOf(cursor))
      firstMonth ??= cursor
      lastMonthEnd = monthEnd
      cursor = monthEnd
    } else {
      days.push(dayOf(cursor))
      cursor = cursor.plus({ days: 1 })
    }
  }
  const outsideMonths: [Date, Date][] =
    firstMonth && lastMonthEnd
      ? ([[from, firstMonth.toJSDate()], [lastMonthEnd.toJSDate(), to]] as [Date, Date][]).filter(([x, y]) => x < y)
      : [[from, to]]
  return { months, days, first: dayOf(a), last: dayOf(b), edges, outsideMonths }
}

/** Whole months (first days, in order) as the whole years among them, then whole quarters, then the other months. */
export function wholePeriods(months: string[]): { y: string[]; q: string[]; m: string[] } {
  const set = new Set(months)
  const has = (year: string, first: number, count: number) =>
    Array.from({ length: count }, (_, index) => `${year}-${String(first + index).padStart(2, '0')}-01`).every((month) => set.has(month))
  const result = { y: [] as string[], q: [] as string[], m: [] as string[] }
  const taken = new Set<string>()
  for (const year of [...new Set(months.map((month) => month.slice(0, 4)))]) {
    if (has(year, 1, 12)) {
      result.y.push(`${year}-01-01`)
      for (let month = 1; month <= 12; month++) taken.add(`${year}-${String(month).padStart(2, '0')}-01`)
      continue
    }
    for (const first of [1, 4, 7, 10]) {
      if (!has(year, first, 3)) continue
      result.q.push(`${year}-${String(first).padStart(2, '0')}-01`)
      for (let month = first; month < first + 3; month++) taken.add(`${year}-${String(month).padStart(2, '0')}-01`)
    }
  }
  result.m = months.filter((month) => !taken.has(month))
  return result
}

/** Whole ISO week (Monday) or month a day belongs to, as the original date_trunc did. */
function bucketOf(day: string, unit: BucketUnit) {
  if (unit === 'day') return day
  if (unit === 'month') return `${day.slice(0, 7)}-01`
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
  return date.toISOString().slice(0, 10)
}

/** The sub-regions whose rows the areas table reads: cities of the province, counties of a city. */
async function childrenOf(region: RegionScope): Promise<string[]> {
  if (region.level === 'county') return []
  const tree = await regionDirectory.tree()
  if (region.level === 'province') return tree.map(({ city }) => city.code.slice(0, 4))
  return tree.find(({ city }) => city.code.startsWith(region.prefix))?.counties.map((county) => county.code) ?? []
}

/**
 * The rows of `table` (with `columns`, matching `where`) of the whole months and days
 * of a range: one index range per grain (an OR of the grains would read every row of the region).
 */
function periodRows(table: string, columns: string, where: string, grains: [string, string][] = [['m', 'months'], ['d', 'days']]) {
  return `(${grains.map(([grain, list]) => `SELECT ${columns} FROM ${table} WHERE ${where} AND grain = '${grain}' AND day = ANY(:${list}::date[])`).join(' UNION ALL ')}) AS p`
}

/**
 * Everything the statistics page shows for the cases submitted in [from, to) inside
 * the region: the whole months and days from the rollups (rollups.ts, kept by the
 * refresh job), the pieces of days at the ends and the open deadlines from the facts,
 * the expert and 信息员 top lists (top `limit` by cases) from the monthly people rows
 * plus the facts of the days around them. At most a few hundred rollup rows per query
 * for ten years of the province.
 */
export async function computeStatistics(
  region: RegionScope,
  range: { from: Date; to: Date },
  now: Date,
  options: { limit?: number; client?: QueryClientContract } = {}
): Promise<Statistics> {
  const client = options.client ?? db.connection()
  const limit = options.limit ?? 20
  const unit = bucketUnit(range.from, range.to)
  const periods = periodsOf(range.from, range.to)
  const children = await childrenOf(region)
  const areaLength = region.level === 'province' ? 4 : region.level === 'city' ? 6 : region.prefix.length
  const periodBindings = { months: periods.months, days: periods.days }
  const live = (ranges: [Date, Date][]) => {
    const query = RegionScope.constrain(client.from('experts_case_facts as f'), [region], 'f.county_code')
    return ranges.length
      ? query.where((inner) => {
          for (const [from, to] of ranges) inner.orWhere((part) => part.where('f.created_at', '>=', from).where('f.created_at', '<', to))
        })
      : query.whereRaw('false')
  }
  const sql = (query: { toSQL(): { sql: string; bindings: readonly unknown[] } }) => {
    const compiled = query.toSQL()
    return { sql: compiled.sql, bindings: [...compiled.bindings] as any[] }
  }
  const edges = sql(live(periods.edges).select('f.*'))
  const bothWays = periods.edges.length > 0

  const [rolled, liveFigures, open, counts, liveCounts, times, liveTimes, series, liveSeries] = await Promise.all([
    client.rawQuery(
      `SELECT region, ${FIGURE_COLUMNS.map((column) => `sum(${column})::int AS ${column}`).join(', ')}
       FROM ${periodRows('experts_rollup_figures', `region, ${FIGURE_COLUMNS.join(', ')}`, 'region = ANY(:regions::text[])')} GROUP BY region`,
      { regions: [region.prefix, ...children], ...periodBindings }
    ),
    bothWays
      ? client.rawQuery(
          `SELECT left(f.county_code, ${areaLength}) AS region, ${FIGURE_COLUMNS.map((column) => `${FIGURES[column]}::int AS ${column}`).join(', ')}
           FROM (${edges.sql}) f GROUP BY 1`,
          edges.bindings
        )
      : { rows: [] },
    (() => {
      const query = sql(live([[range.from, range.to]]).whereRaw(OPEN).select(client.raw(`left(f.county_code, ${areaLength}) AS region`)).groupByRaw(`left(f.county_code, ${areaLength})`))
      // The open-deadline counts use `now`, bound after the region and range.
      return client.rawQuery(
        query.sql.replace(/^select /i, `select ${Object.entries(OPEN_PASSED).map(([name, expression]) => `${expression.replace(':now', '?')} AS ${name}`).join(', ')}, `),
        [now, now, now, ...query.bindings]
      )
    })(),
    client.rawQuery(
      `SELECT industry_code, state, sum(cases)::int AS cases FROM ${periodRows('experts_rollup_counts', 'industry_code, state, cases', 'region = :region')} GROUP BY 1, 2`,
      { region: region.prefix, ...periodBindings }
    ),
    bothWays ? client.rawQuery(`SELECT f.industry_code, f.state, count(*)::int AS cases FROM (${edges.sql}) f GROUP BY 1, 2`, edges.bindings) : { rows: [] },
    client.rawQuery(
      `SELECT kind, bucket, sum(cases)::int AS cases FROM ${periodRows('experts_rollup_times', 'kind, bucket, cases', 'region = :region')} GROUP BY 1, 2`,
      { region: region.prefix, ...periodBindings }
    ),
    bothWays
      ? client.rawQuery(`SELECT v.kind, v.bucket, count(*)::int AS cases FROM (${edges.sql}) f ${TIMES_FROM} WHERE v.bucket IS NOT NULL GROUP BY 1, 2`, edges.bindings)
      : { rows: [] },
    // The line: daily rows for days and weeks (≤ 366 of them), the period rows by month.
    unit === 'month'
      ? client.rawQuery(`SELECT day::text AS day, cases FROM ${periodRows('experts_rollup_figures', 'day, cases', 'region = :region')}`, { region: region.prefix, ...periodBindings })
      : client.rawQuery(`SELECT day::text AS day, cases FROM experts_rollup_figures WHERE region = :region AND grain = 'd' AND day >= :first AND day < :last`, {
          region: region.prefix,
          first: periods.first ?? '1970-01-01',
          last: periods.last ?? '1970-01-01',
        }),
    bothWays ? client.rawQuery(`SELECT ${FACT_DAY}::text AS day, count(*)::int AS cases FROM (${edges.sql}) f GROUP BY 1`, edges.bindings) : { rows: [] },
  ])

  // Figures: the region's own rows and the pieces from the facts, per area.
  const openOf = new Map<string, { triage: number; response: number; followup: number }>(open.rows.map((row: any) => [row.region, row]))
  const none = { triage: 0, response: 0, followup: 0 }
  const overallSums = zero()
  const areaSums = new Map<string, Sums>()
  for (const row of rolled.rows) {
    if (row.region === region.prefix) add(overallSums, row)
    else areaSums.set(row.region, add(zero(), row))
  }
  for (const row of liveFigures.rows) {
    add(overallSums, row)
    if (areaLength !== region.prefix.length) add(areaSums.get(row.region) ?? areaSums.set(row.region, zero()).get(row.region)!, row)
  }
  const openTotal = { ...none }
  for (const row of open.rows) for (const name of ['triage', 'response', 'followup'] as const) openTotal[name] += Number(row[name])

  const histograms = { t: new Map<number, number>(), r: new Map<number, number>(), f: new Map<number, number>() }
  for (const row of [...times.rows, ...liveTimes.rows]) {
    const histogram = histograms[row.kind.trim() as 't' | 'r' | 'f']
    histogram.set(row.bucket, (histogram.get(row.bucket) ?? 0) + row.cases)
  }
  const overall = figures(overallSums, openTotal, { t: medianOf(histograms.t), r: medianOf(histograms.r), f: medianOf(histograms.f) })

  const tally = (rows: any[], key: (row: any) => string) => {
    const totals = new Map<string, number>()
    for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.cases)
    return [...totals.entries()]
  }
  const allCounts = [...counts.rows, ...liveCounts.rows]
  const result: Statistics = {
    overall,
    byState: tally(allCounts, (row) => row.state).map(([state, cases]) => ({ state, cases })).sort((a, b) => b.cases - a.cases),
    byIndustry: tally(allCounts, (row) => row.industry_code).map(([industry, cases]) => ({ industry, cases })).sort((a, b) => b.cases - a.cases),
    series: tally([...series.rows, ...liveSeries.rows], (row) => bucketOf(row.day, unit))
      .map(([bucket, cases]) => ({ bucket, cases }))
      .filter((row) => row.cases > 0)
      .sort((a, b) => a.bucket.localeCompare(b.bucket)),
    unit,
    areas:
      region.level === 'county'
        ? []
        : [...areaSums.entries()]
            .filter(([, sums]) => sums.cases > 0)
            .map(([code, sums]) => ({ code, ...figures(sums, openOf.get(code) ?? none) }))
            .sort((a, b) => a.code.localeCompare(b.code)),
    experts: [],
    officers: [],
  }
  const [experts, officers] = await Promise.all([
    topPeople(client, 'e', region, periods, limit, live),
    topPeople(client, 'o', region, periods, limit, live),
  ])
  result.experts = experts
  result.officers = officers
  return result
}

interface PersonSums {
  id: number
  cases: number
  valid: number
  rated: number
  rating_sum: number
  misses: number
}

function addPerson(into: Map<number, PersonSums>, row: any) {
  const id = Number(row.person_id ?? row.id)
  const sums = into.get(id) ?? { id, cases: 0, valid: 0, rated: 0, rating_sum: 0, misses: 0 }
  for (const key of ['cases', 'valid', 'rated', 'rating_sum', 'misses'] as const) sums[key] += Number(row[key] ?? 0)
  into.set(id, sums)
}

/**
 * The top `limit` experts (kind e: by the cases they hold, then their misses) or 信息员
 * (o: by the cases they reported) of the range, exactly, without summing every
 * person's months: the best of each month and of the days around the months give a
 * lower bound T of the last place; anyone reaching T overall reaches T × (that part's
 * share of all cases) in some part, so only those rows are read and summed.
 */
async function topPeople(
  client: QueryClientContract,
  kind: 'e' | 'o',
  region: RegionScope,
  periods: Periods,
  limit: number,
  live: (ranges: [Date, Date][]) => any
): Promise<PersonRow[]> {
  const facts = live(periods.outsideMonths).select('f.*').toSQL()
  const bindings = [...facts.bindings] as any[]
  const { rows: liveRows } =
    periods.outsideMonths.length === 0
      ? { rows: [] }
      : kind === 'e'
        ? await client.rawQuery(
            `WITH f AS (${facts.sql}),
             handled AS (SELECT expert_id AS id, count(*)::int AS cases, count(*) FILTER (WHERE service_valid)::int AS valid,
                           count(rating)::int AS rated, coalesce(sum(rating), 0)::int AS rating_sum FROM f WHERE expert_id IS NOT NULL GROUP BY expert_id),
             missed AS (SELECT m.id, count(*)::int AS misses FROM f CROSS JOIN LATERAL unnest(f.missed_by) AS m(id) GROUP BY m.id)
             SELECT id, coalesce(h.cases, 0) AS cases, coalesce(h.valid, 0) AS valid, coalesce(h.rated, 0) AS rated,
               coalesce(h.rating_sum, 0) AS rating_sum, coalesce(m.misses, 0) AS misses FROM handled h FULL JOIN missed m USING (id)`,
            bindings
          )
        : await client.rawQuery(
            `WITH f AS (${facts.sql})
             SELECT reporter_id AS id, count(*)::int AS cases, count(*) FILTER (WHERE service_valid)::int AS valid, count(rating)::int AS rated,
               coalesce(sum(rating), 0)::int AS rating_sum, coalesce(sum(cardinality(missed_by)), 0)::int AS misses FROM f WHERE by_officer GROUP BY reporter_id`,
            bindings
          )
  const livePeople = new Map<number, PersonSums>()
  for (const row of liveRows) addPerson(livePeople, row)
  const order = (a: PersonSums, b: PersonSums) => b.cases - a.cases || (kind === 'e' ? b.misses - a.misses : 0) || a.id - b.id

  let ranked: PersonSums[]
  if (periods.months.length === 0) {
    ranked = [...livePeople.values()]
  } else {
    // The whole months as whole years, then whole quarters, then the months left.
    const parts = wholePeriods(periods.months)
    const where = { region: region.prefix, kind, years: parts.y, quarters: parts.q, months: parts.m }
    const inParts = (condition: string) =>
      periodRows('experts_rollup_people', 'person_id, cases, valid, rated, rating_sum, misses', condition, [['y', 'years'], ['q', 'quarters'], ['m', 'months']])
    const sums = 'sum(cases)::int AS cases, sum(valid)::int AS valid, sum(rated)::int AS rated, sum(rating_sum)::int AS rating_sum, sum(misses)::int AS misses'
    const totalsOf = async (ids: number[]) => {
      const totals = new Map<number, PersonSums>()
      if (ids.length === 0) return totals
      const { rows } = await client.rawQuery(
        `SELECT person_id, ${sums} FROM ${inParts('region = :region AND kind = :kind AND person_id = ANY(:ids::bigint[])')} GROUP BY person_id`,
        { ...where, ids }
      )
      for (const row of rows) addPerson(totals, row)
      for (const id of ids) {
        const part = livePeople.get(id)
        if (part) addPerson(totals, { ...part, person_id: id })
      }
      return totals
    }
    const partList = (['y', 'q', 'm'] as const).flatMap((grain) => parts[grain].map((day) => ({ grain, day })))
    const grains = partList.map((part) => part.grain)
    const days = partList.map((part) => part.day)
    const liveTop = [...livePeople.values()].sort(order).slice(0, limit).map((person) => person.id)
    const { rows: firstRows } = await client.rawQuery(
      `SELECT DISTINCT x.person_id FROM unnest(:grains::bpchar[], :days::date[]) AS t(grain, day) CROSS JOIN LATERAL (
         SELECT person_id FROM experts_rollup_people WHERE region = :region AND kind = :kind AND grain = t.grain AND day = t.day ORDER BY cases DESC LIMIT :limit) x`,
      { region: region.prefix, kind, grains, days, limit }
    )
    const candidates = await totalsOf([...new Set([...firstRows.map((row: any) => Number(row.person_id)), ...liveTop])])
    const sorted = [...candidates.values()].sort(order)
    const bound = sorted.length >= limit ? sorted[limit - 1].cases : 0
    if (bound === 0) {
      // Fewer than `limit` people with cases in every part: sum them all (there are few).
      const { rows } = await client.rawQuery(
        `SELECT person_id, ${sums} FROM ${inParts('region = :region AND kind = :kind')} GROUP BY person_id`,
        where
      )
      const all = new Map<number, PersonSums>()
      for (const row of rows) addPerson(all, row)
      for (const [id, part] of livePeople) addPerson(all, { ...part, person_id: id })
      ranked = [...all.values()]
    } else {
      // Each part's share of the cases, from the monthly figures.
      const { rows: monthTotals } = await client.rawQuery(
        `SELECT day::text AS day, ${kind === 'e' ? 'expert_cases' : 'officer_cases'} AS cases FROM experts_rollup_figures
         WHERE region = :region AND grain = 'm' AND day = ANY(:months::date[])`,
        { region: region.prefix, months: periods.months }
      )
      const partOf = (month: string) => {
        if (parts.y.includes(`${month.slice(0, 4)}-01-01`)) return `y${month.slice(0, 4)}-01-01`
        const quarter = `${month.slice(0, 5)}${String(Math.floor((Number(month.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`
        return parts.q.includes(quarter) ? `q${quarter}` : `m${month}`
      }
      const partTotals = new Map<string, number>()
      for (const row of monthTotals) partTotals.set(partOf(row.day), (partTotals.get(partOf(row.day)) ?? 0) + row.cases)
      const liveTotal = [...livePeople.values()].reduce((sum, person) => sum + person.cases, 0)
      const whole = [...partTotals.values()].reduce((sum, cases) => sum + cases, 0) + liveTotal
      const least = (part: number) => Math.max(1, Math.ceil((bound * part) / whole - 1e-9))
      const { rows: moreRows } = await client.rawQuery(
        `SELECT DISTINCT x.person_id FROM unnest(:grains::bpchar[], :days::date[], :least::int[]) AS t(grain, day, least) CROSS JOIN LATERAL (
           SELECT person_id FROM experts_rollup_people WHERE region = :region AND kind = :kind AND grain = t.grain AND day = t.day AND cases >= t.least) x`,
        { region: region.prefix, kind, grains, days, least: partList.map((part) => least(partTotals.get(`${part.grain}${part.day}`) ?? 0)) }
      )
      const liveLeast = least(liveTotal)
      const more = [...moreRows.map((row: any) => Number(row.person_id)), ...[...livePeople.values()].filter((person) => person.cases >= liveLeast).map((person) => person.id)]
      const extra = await totalsOf([...new Set(more)].filter((id) => !candidates.has(id)))
      ranked = [...candidates.values(), ...extra.values()]
    }
  }
  const top = ranked.filter((person) => person.cases > 0 || person.misses > 0).sort(order).slice(0, limit)
  if (top.length === 0) return []
  const ids = top.map((person) => person.id)
  const { rows: names } =
    kind === 'e'
      ? await client.rawQuery(`SELECT p.id, coalesce(u.name, '') AS name FROM experts_profiles p JOIN users u ON u.id = p.user_id WHERE p.id = ANY(?::bigint[])`, [ids])
      : await client.rawQuery(`SELECT u.id, coalesce(u.name, '') AS name FROM users u WHERE u.id = ANY(?::bigint[])`, [ids])
  const nameOf = new Map<number, string>(names.map((row: any) => [Number(row.id), row.name]))
  return top
    .filter((person) => nameOf.has(person.id))
    .map((person) => ({
      id: person.id,
      name: nameOf.get(person.id)!,
      cases: person.cases,
      valid: person.valid,
      averageRating: person.rated > 0 ? person.rating_sum / person.rated : null,
      misses: person.misses,
    }))
}

/**
 * Cases submitted in [from, to) per county of the region (counties without cases left
 * out), from the daily and monthly rollups: the admin dashboard's map.
 */
export async function casesByCounty(region: RegionScope, range: { from: Date; to: Date }, client: QueryClientContract = db.connection()): Promise<Record<string, number>> {
  const periods = periodsOf(range.from, range.to)
  const tree = await regionDirectory.tree()
  const counties =
    region.level === 'county' ? [region.prefix] : tree.flatMap(({ counties: list }) => list.map((county) => county.code)).filter((code) => code.startsWith(region.prefix))
  const [rolled, edges] = await Promise.all([
    client.rawQuery(`SELECT region, sum(cases)::int AS cases FROM ${periodRows('experts_rollup_figures', 'region, cases', 'region = ANY(:counties::text[])')} GROUP BY region`, {
      counties,
      months: periods.months,
      days: periods.days,
    }),
    periods.edges.length
      ? RegionScope.constrain(client.from('experts_case_facts as f'), [region], 'f.county_code')
          .where((inner) => {
            for (const [from, to] of periods.edges) inner.orWhere((part) => part.where('f.created_at', '>=', from).where('f.created_at', '<', to))
          })
          .select('f.county_code as region')
          .select(client.raw('count(*)::int AS cases'))
          .groupBy('f.county_code')
      : [],
  ])
  const result: Record<string, number> = {}
  for (const row of [...rolled.rows, ...(edges as any[])]) if (row.cases > 0) result[row.region] = (result[row.region] ?? 0) + row.cases
  return result
}
