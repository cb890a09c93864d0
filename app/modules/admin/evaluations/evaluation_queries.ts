import db from '@adonisjs/lucid/services/db'
import regionDirectory from '#core/regions/region_directory'
import type { RegionScope } from '#core/regions/region_scope'
import type { Honourees } from '#modules/admin/evaluations/evaluation_actions'

export const NOTICES_PER_PAGE = 20

export interface RankingRow {
  rank: number
  centreId: number
  name: string
  region: string
  regionCode: string
  cases: number
  valid: number
  target: number
  triageRate: number | null
  followupRate: number | null
  averageRating: number | null
  score: number
}

/**
 * A city's county centres by score for a period (as last computed), ranked over the whole
 * city, keeping only the rows the viewer's scopes hold (a county's people see their own row
 * and its rank).
 */
export async function rankingOf(city: RegionScope, period: string, scopes: RegionScope[]): Promise<{ rows: RankingRow[]; computedAt: Date | null; total: number }> {
  const rows = await db
    .from('admin_center_scores as s')
    .join('admin_operation_centers as c', 'c.id', 's.center_id')
    .where({ 's.city_code': city.regionCode, 's.period': period })
    .orderBy('s.score', 'desc')
    .orderBy('c.region_code')
    .select('s.*', 'c.name', 'c.region_code')
  const names = await regionDirectory.fullNames(rows.map((row) => row.region_code))
  const ranked = rows.map((row, index) => ({
    rank: index + 1,
    centreId: Number(row.center_id),
    name: row.name,
    region: names[row.region_code],
    regionCode: row.region_code,
    cases: row.cases,
    valid: row.valid,
    target: row.target,
    triageRate: row.triage_rate,
    followupRate: row.followup_rate,
    averageRating: row.average_rating,
    score: Number(row.score),
  }))
  return {
    rows: ranked.filter((row) => scopes.some((scope) => scope.contains(row.regionCode))),
    computedAt: rows[0]?.computed_at ?? null,
    total: rows.length,
  }
}

export interface Notice {
  id: number
  regionCode: string
  period: string
  title: string
  body: string
  honourees: Honourees
  publishedAt: Date
}

const noticeOf = (row: any): Notice => ({
  id: Number(row.id),
  regionCode: row.region_code,
  period: row.period,
  title: row.title,
  body: row.body,
  honourees: row.honourees,
  publishedAt: row.published_at,
})

/** Published 通报, newest first, a page at a time. */
export async function listNotices(page: number) {
  const paginator = await db.from('admin_notices').orderBy('published_at', 'desc').orderBy('id', 'desc').paginate(page, NOTICES_PER_PAGE)
  return { paginator, notices: paginator.all().map(noticeOf) }
}

export async function findNotice(id: number): Promise<Notice | null> {
  const row = await db.from('admin_notices').where('id', id).first()
  return row ? noticeOf(row) : null
}

/** A centre's latest scores (months and years, newest first), for its page. */
export async function scoresOfCentre(centreId: number, limit = 6): Promise<{ period: string; score: number; valid: number; target: number }[]> {
  const rows = await db.from('admin_center_scores').where('center_id', centreId).orderBy('period', 'desc').limit(limit).select('period', 'score', 'valid', 'target')
  return rows.map((row) => ({ period: row.period, score: Number(row.score), valid: row.valid, target: row.target }))
}
