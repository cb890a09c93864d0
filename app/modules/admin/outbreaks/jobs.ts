import { DAY } from '#core/clock'
import { defineJob, defineSchedule } from '#core/jobs/registry'
import { DETECT_OUTBREAKS, detectOutbreaks } from '#modules/admin/outbreaks/outbreak_actions'

// Idempotent: a cluster whose cases are in an alert already is not raised again.
defineJob(DETECT_OUTBREAKS, async () => {
  await detectOutbreaks()
})
defineSchedule(DETECT_OUTBREAKS, DAY / 1000)
