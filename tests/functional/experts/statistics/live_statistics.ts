/*
 * The statistics as they were computed before the rollups: straight from every fact of
 * the range (seconds at plan scale). Kept as the tests' reference: the rollups must
 * give the same figures for any region and range.
 */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { RegionScope } from '#core/regions/region_scope'
import { FOLLOWUP_WINDOW_MS, RESPONSE_WINDOW_MS, TRIAGE_WINDOW_MS } from '#modules/experts/shared/consultation_states'
import { BEIJING } from '#core/clock'
import { bucketUnit, type Figures, type PersonRow, type Sla, type Statistics } from '#modules/experts/statistics/compute'

/*
 * Deadline rules, per case. A deadline counts once it is met or has passed: a case
 * still waiting for triage two hours after submission is a miss, one submitted ten
 * minutes ago is not counted yet.
 */
const AGGREGATES = `
  count(*)::int AS cases,
  count(*) FILTER (WHERE state = 'resolved_by_similar')::int AS resolved_by_similar,
  count(*) FILTER (WHERE auto_closed)::int AS auto_closed,
  count(rating)::int AS rated,
  avg(rating)::float AS average_rating,
  count(service_valid)::int AS ruled,
  count(*) FILTER (WHERE service_valid)::int AS valid,
  count(*) FILTER (WHERE assigned_at <= created_at + :triage::interval)::int AS triage_hits,
  count(*) FILTER (WHERE assigned_at IS NOT NULL OR (state = 'awaiting_triage' AND created_at + :triage::interval < :now))::int AS triage_due,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM assigned_at - created_at)) AS triage_median,
  count(*) FILTER (WHERE first_response_at <= assigned_at + :response::interval)::int AS response_hits,
  count(*) FILTER (WHERE first_response_at IS NOT NULL OR assigned_at + :response::interval < :now)::int AS response_due,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - assigned_at)) AS response_median,
  count(*) FILTER (WHERE followed_up_at <= followup_due_at)::int AS followup_hits,
  count(*) FILTER (WHERE followed_up_at IS NOT NULL OR followup_due_at < :now)::int AS followup_due,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM followed_up_at - closed_at)) AS followup_median`

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)
const sla = (hits: number, due: number, median: number | null): Sla => ({
  hits,
  due,
  rate: rate(hits, due),
  medianSeconds: median === null ? null : Number(median),
})

function figures(row: any): Figures {
  return {
    cases: row.cases,
    resolvedBySimilar: row.resolved_by_similar,
    autoClosed: row.auto_closed,
    rated: row.rated,
    averageRating: row.average_rating,
    ruled: row.ruled,
    valid: row.valid,
    validRate: rate(row.valid, row.ruled),
    triage: sla(row.triage_hits, row.triage_due, row.triage_median),
    response: sla(row.response_hits, row.response_due, row.response_median),
    followup: sla(row.followup_hits, row.followup_due, row.followup_median),
  }
}

const interval = (ms: number) => `${ms} milliseconds`

/**
 * Everything the statistics page shows for the cases submitted in [from, to) inside
 * the region, from experts_case_facts (kept by the refresh job): one pass with
 * GROUPING SETS for the figures and the breakdowns, one each for the expert and
 * 信息员 tables (top `limit` by cases).
 */
export async function liveStatistics(
  region: RegionScope,
  range: { from: Date; to: Date },
  now: Date,
  options: { limit?: number; client?: QueryClientContract } = {}
): Promise<Statistics> {
  const client = options.client ?? db.connection()
  const limit = options.limit ?? 20
  const unit = bucketUnit(range.from, range.to)
  const areaLength = region.level === 'province' ? 4 : region.level === 'city' ? 6 : 0
  const facts = () =>
    RegionScope.constrain(client.from('experts_case_facts'), [region])
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to)

  // Figures with medians for the whole region and its sub-regions (≤ 21 groups)...
  const bindings = { triage: interval(TRIAGE_WINDOW_MS), response: interval(RESPONSE_WINDOW_MS), followup: interval(FOLLOWUP_WINDOW_MS), now }
  const main = await client
    .query()
    .from(facts().select('*').select(client.raw('left(county_code, ?) AS area', [areaLength || 6])).as('f'))
    .select(client.raw('GROUPING(area) AS grouping, area'))
    .select(client.raw(AGGREGATES, bindings))
    .groupByRaw('GROUPING SETS ((), (area))')
  // ...and plain counts by state, industry and day (no per-group sorting for medians).
  const counts = await client
    .query()
    .from(facts().select('state', 'industry_code').select(client.raw(`date_trunc(?, created_at AT TIME ZONE ?)::date::text AS bucket`, [unit, BEIJING])).as('f'))
    .select(client.raw('GROUPING(state, industry_code, bucket) AS grouping, state, industry_code, bucket, count(*)::int AS cases'))
    .groupByRaw('GROUPING SETS ((state), (industry_code), (bucket))')

  // GROUPING(...) is a bit mask with a 1 for each argument not grouped by.
  const of = (rows: any[], bits: number) => rows.filter((row: any) => row.grouping === bits)
  const overallRow = of(main, 1)[0]
  const result: Statistics = {
    overall: figures(overallRow ?? { cases: 0, resolved_by_similar: 0, auto_closed: 0, rated: 0, average_rating: null, ruled: 0, valid: 0, triage_hits: 0, triage_due: 0, triage_median: null, response_hits: 0, response_due: 0, response_median: null, followup_hits: 0, followup_due: 0, followup_median: null }),
    byState: of(counts, 3).map((row: any) => ({ state: row.state, cases: row.cases })).sort((a, b) => b.cases - a.cases),
    byIndustry: of(counts, 5).map((row: any) => ({ industry: row.industry_code, cases: row.cases })).sort((a, b) => b.cases - a.cases),
    series: of(counts, 6).map((row: any) => ({ bucket: row.bucket, cases: row.cases })).sort((a, b) => a.bucket.localeCompare(b.bucket)),
    unit,
    areas: areaLength ? of(main, 0).map((row: any) => ({ code: row.area, ...figures(row) })).sort((a, b) => a.code.localeCompare(b.code)) : [],
    experts: [],
    officers: [],
  }

  const people = facts().select('expert_id', 'reporter_id', 'by_officer', 'service_valid', 'rating', 'missed_by').toSQL()
  const [experts, officers] = await Promise.all([
    client.rawQuery(
      `WITH f AS (${people.sql}),
       handled AS (SELECT expert_id AS id, count(*)::int AS cases, count(*) FILTER (WHERE service_valid)::int AS valid, avg(rating)::float AS average_rating
                   FROM f WHERE expert_id IS NOT NULL GROUP BY expert_id),
       missed AS (SELECT m.id, count(*)::int AS misses FROM f CROSS JOIN LATERAL unnest(f.missed_by) AS m(id) GROUP BY m.id),
       top AS (SELECT id, coalesce(h.cases, 0) AS cases, coalesce(h.valid, 0) AS valid, h.average_rating, coalesce(m.misses, 0) AS misses
               FROM handled h FULL JOIN missed m USING (id) ORDER BY cases DESC, misses DESC, id LIMIT ?)
       SELECT top.*, coalesce(u.name, '') AS name FROM top
       JOIN experts_profiles p ON p.id = top.id JOIN users u ON u.id = p.user_id
       ORDER BY cases DESC, misses DESC, id`,
      [...(people.bindings as any[]), limit]
    ),
    client.rawQuery(
      `WITH f AS (${people.sql}),
       top AS (SELECT reporter_id AS id, count(*)::int AS cases, count(*) FILTER (WHERE service_valid)::int AS valid,
                 avg(rating)::float AS average_rating, coalesce(sum(cardinality(missed_by)), 0)::int AS misses
               FROM f WHERE by_officer GROUP BY reporter_id ORDER BY cases DESC, id LIMIT ?)
       SELECT top.*, coalesce(u.name, '') AS name FROM top JOIN users u ON u.id = top.id ORDER BY cases DESC, id`,
      [...(people.bindings as any[]), limit]
    ),
  ])
  result.experts = experts.rows.map(person)
  result.officers = officers.rows.map(person)
  return result
}

function person(row: any): PersonRow {
  return { id: Number(row.id), name: row.name, cases: row.cases, valid: row.valid, averageRating: row.average_rating, misses: row.misses }
}
