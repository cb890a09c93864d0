import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { OPEN_FOR_EXPERT } from '#modules/experts/shared/consultation_states'

export interface OpenCasesRepair {
  expertId: number
  userId: number
  /** The counter before the repair. */
  was: number
  /** The expert's cases in an OPEN_FOR_EXPERT state. */
  truth: number
}

/**
 * experts_profiles.open_cases is a denormalised counter (takePlace adds one,
 * releasePlace gives one back, both in the transaction that moves the case). This
 * compares every expert's counter with the real count of their open cases and sets
 * the counter to the truth where they differ, in one statement:
 *
 * - the count reads the open states through experts_consultations_state (state, …):
 *   at plan scale most of the million cases are closed, so it visits the open ones only;
 * - a counter and its cases change in one transaction, so the statement's snapshot
 *   sees them agree unless they really drifted. A profile row changed after that
 *   snapshot (an assignment committing meanwhile) has another xmin when the UPDATE
 *   reaches it and is left alone: it is checked again on the next run, never set
 *   to a stale count.
 *
 * Every repair is logged (warn) with the expert, the old and the new value.
 */
export async function checkOpenCases(client: QueryClientContract = db.connection()): Promise<OpenCasesRepair[]> {
  const result = await client.rawQuery(
    `WITH load AS (
       SELECT expert_id, count(*)::int AS n
       FROM experts_consultations
       WHERE state = ANY(?::text[]) AND expert_id IS NOT NULL
       GROUP BY expert_id
     ), drift AS (
       SELECT p.id, p.xmin AS seen, p.open_cases AS was, coalesce(load.n, 0) AS truth
       FROM experts_profiles p LEFT JOIN load ON load.expert_id = p.id
       WHERE p.open_cases <> coalesce(load.n, 0)
     )
     UPDATE experts_profiles p SET open_cases = drift.truth
     FROM drift
     WHERE p.id = drift.id AND p.xmin = drift.seen
     RETURNING p.id, p.user_id, drift.was, drift.truth`,
    [[...OPEN_FOR_EXPERT]]
  )
  const repairs: OpenCasesRepair[] = result.rows.map((row: any) => ({
    expertId: Number(row.id),
    userId: Number(row.user_id),
    was: Number(row.was),
    truth: Number(row.truth),
  }))
  for (const repair of repairs) {
    logger.warn(repair, 'experts: open_cases of expert %d drifted (%d, really %d); repaired', repair.expertId, repair.was, repair.truth)
  }
  return repairs
}
