import { defineJob, defineSchedule } from '#core/jobs/registry'
import { refreshCaseFacts } from '#modules/experts/statistics/refresh'
import { warmDefaultSnapshots } from '#modules/experts/statistics/snapshots'

/**
 * The facts are at most a minute behind the cases, and the default statistics view of
 * every region is computed ahead (at most 10 minutes old). A run that fails or
 * overlaps changes nothing wrong: the progress row is locked, re-reading a case and
 * recomputing a snapshot are harmless.
 */
defineJob('experts.refresh_statistics', async () => {
  await refreshCaseFacts()
  await warmDefaultSnapshots()
}, { retryLimit: 2, concurrency: 1 })

defineSchedule('experts.refresh_statistics', 60)
