import { pruneEffectKeys } from '#core/jobs/idempotency'
import { pruneIdempotentRequests } from '#core/http/idempotency'
import { defineJob, defineSchedule } from '#core/jobs/registry'
// Core's other scheduled clean-ups come with this file (start/jobs.ts loads it).
import '#core/media/orphans_job'

defineJob('jobs.prune_effect_keys', () => pruneEffectKeys(), { retryLimit: 1 })
defineSchedule('jobs.prune_effect_keys', 24 * 3600)
defineJob('core.prune_idempotent_requests', () => pruneIdempotentRequests().then(() => {}), { retryLimit: 1 })
defineSchedule('core.prune_idempotent_requests', 24 * 3600)
