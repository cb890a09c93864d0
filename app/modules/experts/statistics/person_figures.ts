import db from '@adonisjs/lucid/services/db'
import { BEIJING } from '#core/clock'
import { holdsRoleSql } from '#core/accounts/role_grants'
import type { RegionScope } from '#core/regions/region_scope'
import { TRIAGE_WINDOW_MS } from '#modules/experts/shared/consultation_states'

/** One person's service figures of a year (cases submitted that year, Beijing time). */
export interface PersonFigures {
  role: 'expert' | 'info_officer'
  userId: number
  countyCode: string
  /** An expert's level; null for 信息员. */
  level: string | null
  cases: number
  valid: number
  invalid: number
  unverified: number
  responded: number
  responseSeconds: number
  rated: number
  ratingSum: number
  visits: number
  triageMissed: number
  responseMissed: number
}

/*
 * Read-only, from the statistics facts (one narrow row per case, refreshCaseFacts) and the
 * visits of those cases: every verified expert's cases (the ones assigned to them), first-response time,
 * ratings, completed visits and the 3 h deadlines they let pass; every 信息员's reported
 * cases, with the same follow-up verdicts and ratings, the visits requested for them and
 * how many waited past the 1 h triage deadline. People with no case that year are in, with zeros.
 */
const FIGURES = `
  count(*)::int AS cases,
  count(*) FILTER (WHERE f.service_valid)::int AS valid,
  count(*) FILTER (WHERE f.service_valid = false)::int AS invalid,
  count(*) FILTER (WHERE f.closed_at IS NOT NULL AND f.service_valid IS NULL)::int AS unverified,
  count(f.first_response_at)::int AS responded,
  coalesce(sum(extract(epoch FROM f.first_response_at - f.assigned_at)) FILTER (WHERE f.first_response_at IS NOT NULL), 0)::bigint AS response_seconds,
  count(f.rating)::int AS rated,
  coalesce(sum(f.rating), 0)::int AS rating_sum,
  count(*) FILTER (WHERE f.assigned_at > f.created_at + interval '${TRIAGE_WINDOW_MS} milliseconds')::int AS triage_missed`

const ZERO = (alias: string) =>
  ['cases', 'valid', 'invalid', 'unverified', 'responded', 'response_seconds', 'rated', 'rating_sum', 'triage_missed'].map((c) => `coalesce(${alias}.${c}, 0) AS ${c}`).join(', ')

export async function personFigures(year: number, scope: RegionScope): Promise<PersonFigures[]> {
  const from = `${year}-01-01 00:00:00`
  const to = `${year + 1}-01-01 00:00:00`
  const inScope = scope.level === 'province' ? 'true' : `%I LIKE '${scope.prefix}%'`
  const { rows } = await db.rawQuery(
    `WITH f AS (
       SELECT * FROM experts_case_facts
       WHERE created_at >= (:from::timestamp AT TIME ZONE '${BEIJING}') AND created_at < (:to::timestamp AT TIME ZONE '${BEIJING}')
     ),
     visited AS (SELECT v.expert_id, f.reporter_id FROM experts_visits v JOIN f ON f.consultation_id = v.consultation_id WHERE v.status = 'visited'),
     by_expert AS (SELECT f.expert_id AS id, ${FIGURES} FROM f WHERE f.expert_id IS NOT NULL GROUP BY f.expert_id),
     missed AS (SELECT m.id, count(*)::int AS missed FROM f, unnest(f.missed_by) AS m(id) GROUP BY m.id),
     expert_visits AS (SELECT expert_id AS id, count(*)::int AS visits FROM visited GROUP BY expert_id),
     by_officer AS (
       SELECT f.reporter_id AS id, ${FIGURES}, count(*) FILTER (WHERE f.missed_by IS NOT NULL)::int AS response_missed
       FROM f WHERE f.by_officer GROUP BY f.reporter_id
     ),
     officer_visits AS (SELECT reporter_id AS id, count(*)::int AS visits FROM visited GROUP BY reporter_id)
     SELECT 'expert' AS role, p.user_id, p.county_code, p.level, ${ZERO('e')},
       coalesce(ev.visits, 0) AS visits, coalesce(m.missed, 0) AS response_missed
     FROM experts_profiles p
     LEFT JOIN by_expert e ON e.id = p.id LEFT JOIN missed m ON m.id = p.id LEFT JOIN expert_visits ev ON ev.id = p.id
     WHERE p.status = 'verified' AND ${inScope.replace('%I', 'p.county_code')}
     UNION ALL
     SELECT 'info_officer', u.id, u.county_code, NULL, ${ZERO('o')},
       coalesce(ov.visits, 0), coalesce(o.response_missed, 0)
     FROM users u
     LEFT JOIN by_officer o ON o.id = u.id LEFT JOIN officer_visits ov ON ov.id = u.id
     WHERE ${holdsRoleSql('u.id', 'info_officer')} AND u.county_code IS NOT NULL AND ${inScope.replace('%I', 'u.county_code')}`,
    { from, to }
  )
  return rows.map((row: any) => ({
    role: row.role,
    userId: Number(row.user_id),
    countyCode: row.county_code,
    level: row.level,
    cases: row.cases,
    valid: row.valid,
    invalid: row.invalid,
    unverified: row.unverified,
    responded: row.responded,
    responseSeconds: Number(row.response_seconds),
    rated: row.rated,
    ratingSum: row.rating_sum,
    visits: row.visits,
    triageMissed: row.triage_missed,
    responseMissed: row.response_missed,
  }))
}
