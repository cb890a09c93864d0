import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'

/** How many experts a month's 服务之星 list names. */
export const STARS_SHOWN = 10

export interface ServiceStar {
  /** The expert's profile id (their showcase), name and organisation. */
  expertId: number
  name: string
  organization: string | null
  /** Cases of the city the expert held that month. */
  cases: number
  /** Of those, services the 回访 found valid. */
  valid: number
  averageRating: number | null
  ratings: number
}

/**
 * 服务之星: a city's verified experts with the most cases of its farmers in one Beijing
 * month (`month`: any moment in it), better rated first among equals, from the monthly
 * people rollups (one index range of the city's month), with each expert's name. Read-only.
 */
export async function serviceStars(cityPrefix: string, month: DateTime, limit = STARS_SHOWN): Promise<ServiceStar[]> {
  const { rows } = await db.rawQuery(
    `SELECT p.person_id, p.cases, p.valid, p.rated, p.rating_sum, u.name, e.organization
     FROM experts_rollup_people p JOIN experts_profiles e ON e.id = p.person_id AND e.status = 'verified' JOIN users u ON u.id = e.user_id
     WHERE p.region = :region AND p.kind = 'e' AND p.grain = 'm' AND p.day = :day AND p.cases > 0
     ORDER BY p.cases DESC, p.rating_sum::float8 / nullif(p.rated, 0) DESC NULLS LAST, p.person_id
     LIMIT :limit`,
    { region: cityPrefix, day: month.setZone('Asia/Shanghai').startOf('month').toISODate(), limit }
  )
  return rows.map((row: any) => ({
    expertId: Number(row.person_id),
    name: row.name ?? '',
    organization: row.organization,
    cases: row.cases,
    valid: row.valid,
    averageRating: row.rated ? Math.round((row.rating_sum / row.rated) * 10) / 10 : null,
    ratings: row.rated,
  }))
}
