import db from '@adonisjs/lucid/services/db'
import type { Acting } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { RuleError } from '#core/http/rule_error'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import { BEIJING, clock } from '#core/clock'
import { DateTime } from 'luxon'
import { statisticsFor, type Figures } from '#modules/experts/public'
import OperationCenter from '#modules/admin/models/operation_center'
import { DEFAULT_MONTHLY_TARGET, periodRange, scoreOf } from '#modules/admin/evaluations/evaluation_score'

/** Subject type of evaluations in the audit log. */
export const EVALUATION_SUBJECT = 'admin.evaluation'

/** A centre is named in a 通报 from this score on. */
export const EXCELLENT_SCORE = 60

/** How many centres, experts and 信息员 a 通报 names at most. */
export const HONOUREES = 3

function rangeOf(period: string) {
  const range = periodRange(period)
  if (!range) throw new RuleError('admin.evaluations.errors.period', 'period')
  return range
}

/** Each county's monthly target of valid consultations for a year (the default where the city set none). */
export async function targetsOf(countyCodes: string[], year: number): Promise<Map<string, number>> {
  const rows = countyCodes.length ? await db.from('admin_evaluation_targets').whereIn('county_code', countyCodes).where('year', year) : []
  return new Map(countyCodes.map((code) => [code, rows.find((row) => row.county_code === code)?.monthly_valid ?? DEFAULT_MONTHLY_TARGET]))
}

/**
 * Scores every county centre of a city for a month or a year from the expert service's
 * figures of its county (the rollups: a handful of index reads each), replacing the
 * period's earlier scores. Returns how many centres were scored. `acting` is null for the daily job.
 */
export async function computeScores(acting: Acting | null, city: RegionScope, period: string): Promise<number> {
  const range = rangeOf(period)
  const centres = await OperationCenter.query().where('level', 'county').whereLike('region_code', `${city.prefix}%`).orderBy('region_code')
  const targets = await targetsOf(centres.map((centre) => centre.regionCode), range.year)
  const rows: Record<string, unknown>[] = []
  for (const centre of centres) {
    const overall: Figures = (await statisticsFor(centre.scope, range)).overall
    const figures = {
      valid: overall.valid,
      target: targets.get(centre.regionCode)! * range.months,
      triageRate: overall.triage.rate,
      followupRate: overall.followup.rate,
      averageRating: overall.averageRating,
    }
    rows.push({
      center_id: centre.id,
      city_code: city.regionCode,
      period,
      cases: overall.cases,
      valid: figures.valid,
      target: figures.target,
      triage_rate: figures.triageRate,
      followup_rate: figures.followupRate,
      average_rating: figures.averageRating,
      score: scoreOf(figures),
      computed_at: new Date(),
    })
  }
  await db.transaction(async (trx) => {
    await trx.from('admin_center_scores').where({ city_code: city.regionCode, period }).delete()
    if (rows.length) await trx.table('admin_center_scores').multiInsert(rows)
    await audit(trx, {
      actor: acting?.actor ?? null,
      actorRole: acting?.actorRole ?? null,
      action: 'evaluation.compute',
      subjectType: EVALUATION_SUBJECT,
      countyCode: city.regionCode,
      ip: acting?.ip ?? null,
      changes: { period: { old: null, new: period }, centres: { old: null, new: rows.length } },
    })
  })
  return rows.length
}

/**
 * For the daily job: last month's scores of every city (and in January last year's), once
 * for each period that has ended — a period a city computed already is left as it is.
 * Returns how many centres were scored.
 */
export async function scoreEndedPeriods(now: Date = clock.now()): Promise<number> {
  const beijing = DateTime.fromJSDate(now).setZone(BEIJING)
  const periods = [beijing.minus({ months: 1 }).toFormat('yyyy-MM'), ...(beijing.month === 1 ? [String(beijing.year - 1)] : [])]
  // The cities that have county centres to score.
  const { rows: cities } = await db.rawQuery<{ rows: { city: string }[] }>(
    "SELECT DISTINCT substr(region_code, 1, 4) || '00' AS city FROM admin_operation_centers WHERE level = 'county' ORDER BY city"
  )
  let scored = 0
  for (const period of periods) {
    for (const { city } of cities) {
      if (await db.from('admin_center_scores').where({ city_code: city, period }).first()) continue
      scored += await computeScores(null, RegionScope.fromRegionCode(city), period)
    }
  }
  return scored
}

/** The city (or the province) sets a county's monthly target of valid consultations for a year. */
export async function setTarget({ actor, actorRole, ip }: Acting, countyCode: string, year: number, monthlyValid: number) {
  await db.transaction(async (trx) => {
    const before = await trx.from('admin_evaluation_targets').where({ county_code: countyCode, year }).first()
    await trx
      .table('admin_evaluation_targets')
      .insert({ county_code: countyCode, year, monthly_valid: monthlyValid, set_by_id: actor.id, updated_at: new Date() })
      .onConflict(['county_code', 'year'])
      .merge()
    await audit(trx, {
      actor,
      actorRole,
      action: 'evaluation.target',
      subjectType: EVALUATION_SUBJECT,
      countyCode,
      ip,
      changes: { [`target_${year}`]: { old: before?.monthly_valid ?? null, new: monthlyValid } },
    })
  })
}

export interface Honourees {
  centres: { name: string; region: string; score: number }[]
  experts: { name: string; valid: number; rating: number | null }[]
  officers: { name: string; valid: number; rating: number | null }[]
}

/**
 * Who a 通报 names for a region and period: the best-scored county centres (from
 * {@link EXCELLENT_SCORE} on, as last computed), and the experts and 信息员 with the most
 * valid consultations (then the best rating) in the expert service's figures.
 */
export async function honoureesOf(region: RegionScope, period: string): Promise<Honourees> {
  const range = rangeOf(period)
  const scores = await db
    .from('admin_center_scores as s')
    .join('admin_operation_centers as c', 'c.id', 's.center_id')
    .where('s.period', period)
    .whereLike('c.region_code', `${region.prefix}%`)
    .where('s.score', '>=', EXCELLENT_SCORE)
    .orderBy('s.score', 'desc')
    .orderBy('c.region_code')
    .limit(HONOUREES)
    .select('c.name', 'c.region_code', 's.score')
  const names = await regionDirectory.fullNames(scores.map((row) => row.region_code))
  const statistics = await statisticsFor(region, range)
  const best = (people: { name: string; valid: number; averageRating: number | null }[]) =>
    people
      .filter((person) => person.valid > 0)
      .sort((a, b) => b.valid - a.valid || (b.averageRating ?? 0) - (a.averageRating ?? 0) || a.name.localeCompare(b.name))
      .slice(0, HONOUREES)
      .map((person) => ({ name: person.name, valid: person.valid, rating: person.averageRating }))
  return {
    centres: scores.map((row) => ({ name: row.name, region: names[row.region_code], score: Number(row.score) })),
    experts: best(statistics.experts),
    officers: best(statistics.officers),
  }
}

/** A city or the province publishes a 通报 of a period's excellent centres, experts and 信息员 on the public site. */
export async function publishNotice({ actor, actorRole, ip }: Acting, region: RegionScope, input: { period: string; title: string; body: string }) {
  const honourees = await honoureesOf(region, input.period)
  if (!honourees.centres.length && !honourees.experts.length && !honourees.officers.length) throw new RuleError('admin.evaluations.errors.nobody', 'notice')
  return db.transaction(async (trx) => {
    const [notice] = await trx
      .table('admin_notices')
      .insert({ region_code: region.regionCode, period: input.period, title: input.title, body: input.body, honourees: JSON.stringify(honourees), published_by_id: actor.id, published_at: new Date() })
      .returning(['id'])
    await audit(trx, { actor, actorRole, action: 'evaluation.notice', subjectType: EVALUATION_SUBJECT, subjectId: notice.id, countyCode: region.regionCode, ip })
    return Number(notice.id)
  })
}
