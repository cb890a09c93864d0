import db from '@adonisjs/lucid/services/db'
import { dispatch } from '#core/jobs/dispatch'
import type { ScheduleDefinition } from '#core/jobs/registry'

/**
 * Writes the declared schedules to `job_schedules` without moving a run that is
 * already due: a worker restart must not postpone a sweep that came due while it
 * was down. A new schedule is due at once; a shortened interval is honoured now.
 */
export async function syncSchedules(definitions: ScheduleDefinition[]) {
  for (const { job, everySeconds, payload } of definitions) {
    await db.rawQuery(
      `INSERT INTO job_schedules (name, every_seconds, payload, next_run_at, created_at, updated_at)
       VALUES (?, ?, ?, now(), now(), now())
       ON CONFLICT (name) DO UPDATE SET
         every_seconds = EXCLUDED.every_seconds,
         payload = EXCLUDED.payload,
         next_run_at = LEAST(job_schedules.next_run_at, now() + EXCLUDED.every_seconds * interval '1 second'),
         updated_at = now()`,
      [job, everySeconds, JSON.stringify(payload)]
    )
  }
}

/**
 * Claims the schedules that are due and dispatches their jobs, in one transaction:
 * either the next run time moves and the job exists, or neither. Rows another
 * worker is claiming are skipped, so two workers never dispatch the same run.
 * However many runs were missed, a due schedule runs once and its next run is a
 * full interval later (or on its regular beat when it is merely late).
 */
export async function dispatchDueSchedules(names: string[]): Promise<string[]> {
  if (!names.length) return []
  return db.transaction(async (trx) => {
    const { rows } = await trx.rawQuery(
      `WITH due AS (
         SELECT name FROM job_schedules
         WHERE name = ANY(?::text[]) AND next_run_at <= now()
         ORDER BY next_run_at
         FOR UPDATE SKIP LOCKED
       )
       UPDATE job_schedules s SET
         next_run_at = CASE
           WHEN s.next_run_at + s.every_seconds * interval '1 second' > now() THEN s.next_run_at + s.every_seconds * interval '1 second'
           ELSE now() + s.every_seconds * interval '1 second'
         END,
         last_run_at = now(),
         run_count = s.run_count + 1,
         updated_at = now()
       FROM due WHERE s.name = due.name
       RETURNING s.name, s.payload`,
      [names]
    )
    for (const row of rows) {
      // A run still waiting in the queue absorbs the next one instead of piling up.
      await dispatch(row.name, row.payload, { client: trx, singletonKey: `schedule:${row.name}` })
    }
    return rows.map((row: { name: string }) => row.name)
  })
}
