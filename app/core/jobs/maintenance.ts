import { pruneEffectKeys } from '#core/jobs/idempotency'
import { defineJob, defineSchedule } from '#core/jobs/registry'

defineJob('jobs.prune_effect_keys', () => pruneEffectKeys(), { retryLimit: 1 })
defineSchedule('jobs.prune_effect_keys', 24 * 3600)
