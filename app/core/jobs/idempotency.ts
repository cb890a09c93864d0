import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Job handlers must be idempotent: a job runs again after a failure, and after its
 * worker was killed mid-run (it may have done part of the work, or all of it just
 * before dying). Three patterns, in order of preference:
 *
 * 1. Act on current state, not on the payload's history: a sweep updates
 *    `WHERE status = 'waiting' AND due_at < now()`, so a second run
 *    finds nothing left to do.
 * 2. A one-time database effect (a notification row, an escalation event) goes
 *    through `once(key, trx => …)`: the key is recorded in `job_effects` in the same
 *    transaction as the effect, so the effect commits exactly once whatever the
 *    number of runs. Use a key that names the effect, e.g. `escalate:<record>:42:level:2`.
 * 3. A call to the outside world (an SMS) cannot share a transaction: claim the
 *    record first (queued → sending), call, then mark it (sending → sent), and let a
 *    stale claim be taken over only after the call surely timed out —
 *    SmsService.deliver() works this way.
 */
export async function once(key: string, effect: (trx: TransactionClientContract) => Promise<unknown>): Promise<boolean> {
  return db.transaction(async (trx) => {
    // A second run waits here until the first commits, then finds the key taken.
    const { rows } = await trx.rawQuery('INSERT INTO job_effects (key) VALUES (?) ON CONFLICT DO NOTHING RETURNING key', [key])
    if (!rows.length) return false
    await effect(trx)
    return true
  })
}

/** Effect keys are kept longer than any job that could repeat them (jobs are kept 14 days). */
export async function pruneEffectKeys(olderThanDays = 30) {
  await db.rawQuery("DELETE FROM job_effects WHERE created_at < now() - make_interval(days => ?)", [olderThanDays])
}
