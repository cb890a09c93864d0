import { DAY } from '#core/clock'
import { defineJob, defineSchedule } from '#core/jobs/registry'
import { rematchRecent, sendDigests } from '#modules/achievements/matching/push'

/** Names of matching's jobs. */
export const MATCH_DIGEST = 'achievements.match_digest'
export const REMATCH = 'achievements.rematch'

// Both are idempotent: a pair is pushed once, a person gets one digest a Beijing day.
defineJob(MATCH_DIGEST, async () => {
  await sendDigests()
})
defineSchedule(MATCH_DIGEST, DAY / 1000)
defineJob(REMATCH, async () => {
  await rematchRecent()
})
defineSchedule(REMATCH, DAY / 1000)
