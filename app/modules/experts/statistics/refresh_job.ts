import { defineJob, defineSchedule } from '#core/jobs/registry'
import { refreshCaseFacts } from '#modules/experts/statistics/refresh'
import { warmDefaultSnapshots } from '#modules/experts/statistics/snapshots'

/**
 * The facts are at most a minute behind the cases, and the default statistics view of
 * every region is computed ahead (at most 10 minutes old). A run that fails or
 * overlaps changes nothing wrong: the progress row is locked, re-reading a case and
 * recomputing a snapshot are harmless. After a bulk load the first run reads every case
 * (minutes at 1 M), so it is declared a long job (30 s heartbeat, 15 min limit).
 */
defineJob('experts.refresh_statistics', async () => {
  await refreshCaseFacts()
  await warmDefaultSnapshots()
}, { retryLimit: 2, concurrency: 1, expectedSeconds: 300 })

defineSchedule('experts.refresh_statistics', 60)
