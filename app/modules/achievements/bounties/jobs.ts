import { defineJob, defineSchedule } from '#core/jobs/registry'
import { sweepBountyDeadlines } from '#modules/achievements/bounties/bounty_actions'

/** Open bounties past their deadline are cancelled (idempotent: a cancelled one is left alone). */
export const SWEEP_BOUNTIES = 'achievements.sweep_bounties'

defineJob(SWEEP_BOUNTIES, async () => {
  await sweepBountyDeadlines()
})
defineSchedule(SWEEP_BOUNTIES, 10 * 60)
