import { defineJob, defineSchedule } from '#core/jobs/registry'
import { refreshCaseFacts } from '#modules/experts/statistics/refresh'

/**
 * Statistics are at most a minute behind the cases. A run that fails or overlaps
 * changes nothing wrong: the progress row is locked and re-reading a case is harmless.
 */
defineJob('experts.refresh_statistics', async () => {
  await refreshCaseFacts()
}, { retryLimit: 2, concurrency: 1 })

defineSchedule('experts.refresh_statistics', 60)
