import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { BEIJING, clock } from '#core/clock'
import { holdsRoleSql } from '#core/accounts/role_grants'
import { FACT_DAY, rebuildAllRollups, refreshRollups } from '#modules/experts/statistics/rollups'

/**
 * Ids are handed out when a row is inserted but become visible when its transaction
 * commits, so a case or event can appear below a mark the job has already passed.
 * Each run reads this many ids below its marks again (an unchanged row is not rewritten).
 */
const MARGIN = 500

const COLUMNS = [
  'consultation_id',
  'county_code',
  'industry_code',
  'state',
  'reporter_id',
  'by_officer',
  'expert_id',
  'created_at',
  'assigned_at',
  'first_response_at',
  'closed_at',
  'followup_due_at',
  'followed_up_at',
  'service_valid',
  'rating',
  'auto_closed',
  'missed_by',
]

type Cell = { county: string; day: string }

/**
 * The fact row of each case matching `where` (about the aliased case `c`), inserted or
 * brought up to date; answers the county days whose rollups changed (a case that moved
 * to another county changes its old county's day too).
 */
async function upsertFacts(trx: TransactionClientContract, where: string, bindings: number[], rebuilding: boolean): Promise<{ cells: Cell[]; count: number }> {
  const moved = rebuilding ? { rows: [] } : await trx.rawQuery(
    `SELECT f.county_code AS county, ${FACT_DAY}::text AS day FROM experts_case_facts f
     JOIN experts_consultations c ON c.id = f.consultation_id WHERE (${where}) AND f.county_code <> c.county_code`,
    bindings
  )
  const result = await trx.rawQuery(
    `INSERT INTO experts_case_facts (${COLUMNS.join(', ')})
     SELECT c.id, c.county_code, c.industry_code, c.state, c.reporter_id,
       ${holdsRoleSql('c.reporter_id', 'info_officer')},
       c.expert_id, c.created_at, c.assigned_at, c.first_response_at, c.closed_at, c.followup_due_at,
       f.created_at, f.service_valid, c.rating,
       EXISTS (SELECT 1 FROM experts_consultation_events e WHERE e.consultation_id = c.id AND e.kind = 'auto_closed'),
       (SELECT array_agg(e.expert_id ORDER BY e.id) FROM experts_consultation_events e
         WHERE e.consultation_id = c.id AND e.kind = 'response_missed' AND e.expert_id IS NOT NULL)
     FROM experts_consultations c
     LEFT JOIN experts_followup_calls f ON f.consultation_id = c.id AND f.reached
     WHERE ${where}
     ON CONFLICT (consultation_id) DO UPDATE SET ${COLUMNS.slice(1).map((column) => `${column} = EXCLUDED.${column}`).join(', ')}
     WHERE (experts_case_facts.*) IS DISTINCT FROM (EXCLUDED.*)
     ${rebuilding ? '' : `RETURNING county_code AS county, (created_at AT TIME ZONE '${BEIJING}')::date::text AS day`}`,
    bindings
  )
  return { cells: rebuilding ? [] : [...moved.rows, ...result.rows], count: result.rowCount ?? 0 }
}

/**
 * Brings the statistics rows up to date: cases added since the last run, and cases
 * with new events (every change of a case writes one, recordTransition/recordEvent).
 * The progress row is locked for the run, so two workers never interleave.
 * The first run on an existing database reads every case once.
 */
export async function refreshCaseFacts(): Promise<{ changed: number }> {
  return db.transaction(async (trx) => {
    const progress = await trx.from('experts_case_facts_progress').where('id', 1).forUpdate().firstOrFail()
    const lastCase = Number(progress.last_case_id)
    const lastEvent = Number(progress.last_event_id)
    const { rows } = await trx.rawQuery(
      `SELECT (SELECT coalesce(max(id), 0) FROM experts_consultations) AS cases,
              (SELECT coalesce(max(id), 0) FROM experts_consultation_events) AS events`
    )
    const caseMark = Number(rows[0].cases)
    const eventMark = Number(rows[0].events)

    // The first run (or the first since the rollups were added) builds every rollup row.
    const rebuilding = lastCase === 0 || !progress.rollups_built
    const { cells, count } = await upsertFacts(trx, 'c.id > ? AND c.id <= ?', [Math.max(0, lastCase - MARGIN), caseMark], rebuilding)
    let changed = count
    if (lastCase > MARGIN) {
      const events = await upsertFacts(
        trx,
        `c.id <= ? AND c.id IN (SELECT e.consultation_id FROM experts_consultation_events e WHERE e.id > ? AND e.id <= ?)`,
        [lastCase - MARGIN, Math.max(0, lastEvent - MARGIN), eventMark],
        rebuilding
      )
      cells.push(...events.cells)
      changed += events.count
    }
    if (rebuilding) await rebuildAllRollups(trx)
    else await refreshRollups(trx, cells)
    await trx
      .from('experts_case_facts_progress')
      .where('id', 1)
      .update({ last_case_id: caseMark, last_event_id: eventMark, refreshed_at: clock.now(), rollups_built: true })
    return { changed }
  })
}
