import { DAY } from '#core/clock'
import { defineJob, defineSchedule } from '#core/jobs/registry'
import { scoreEndedPeriods } from '#modules/admin/evaluations/evaluation_actions'

/** Name of the evaluations' job. */
export const SCORE_ENDED_PERIODS = 'admin.score_ended_periods'

// Idempotent: a city's period is scored once by the job (a centre may compute it again by hand).
defineJob(SCORE_ENDED_PERIODS, async () => {
  await scoreEndedPeriods()
})
defineSchedule(SCORE_ENDED_PERIODS, DAY / 1000)
