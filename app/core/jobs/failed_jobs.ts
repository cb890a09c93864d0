import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { SimplePaginator } from '@adonisjs/lucid/database'
import type User from '#core/accounts/models/user'
import { audit } from '#core/audit/audit'
import { BOSS_SCHEMA, producerBoss, throughLucid } from '#core/jobs/boss'

const JOBS_TABLE = `${BOSS_SCHEMA}.job`

export interface FailedJob {
  id: string
  name: string
  attempts: number
  error: string
  failedAt: DateTime
}

/** Jobs that ran out of retries (or failed permanently), latest first. */
export async function failedJobs(page: number, perPage = 20) {
  const paginator = await db
    .from(JOBS_TABLE)
    .where('state', 'failed')
    .select('id', 'name', 'retry_count', 'output', 'completed_on')
    .orderBy('completed_on', 'desc')
    .orderBy('id')
    .paginate(page, perPage)
  const jobs = paginator.all().map(
    (row): FailedJob => ({
      id: row.id,
      name: row.name,
      attempts: row.retry_count + 1,
      // A handler's error, or pg-boss's own reason ("job heartbeat timeout") under `value`.
      error: String(row.output?.message ?? row.output?.value?.message ?? '').slice(0, 500),
      failedAt: DateTime.fromJSDate(row.completed_on),
    })
  )
  return new SimplePaginator(paginator.total, perPage, paginator.currentPage, ...jobs)
}

/**
 * Gives a failed job one more attempt, recorded in the audit log in the same
 * transaction. False when the job is not (or no longer) failed.
 */
export async function retryFailedJob(id: string, actor: User, ip: string | null): Promise<boolean> {
  const boss = await producerBoss()
  return db.transaction(async (trx) => {
    const job = await trx.from(JOBS_TABLE).where('id', id).where('state', 'failed').select('name').forUpdate().first()
    if (!job) return false
    await boss.retry(job.name, id, { db: throughLucid(trx) })
    await audit(trx, { actor, actorRole: 'platform_admin', action: 'job.retry', subjectType: 'job', subjectId: id, ip })
    return true
  })
}
