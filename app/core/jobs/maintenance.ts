import { pruneEffectKeys } from '#core/jobs/idempotency'
import { defineJob, defineSchedule } from '#core/jobs/registry'
// Core's other scheduled clean-ups come with this file (start/jobs.ts loads it).
import '#core/media/orphans_job'

defineJob('jobs.prune_effect_keys', () => pruneEffectKeys(), { retryLimit: 1 })
defineSchedule('jobs.prune_effect_keys', 24 * 3600)
