import db from '@adonisjs/lucid/services/db'
import { defineJob, defineSchedule } from '#core/jobs/registry'
import { dispatch } from '#core/jobs/dispatch'
import { queueSms } from '#core/jobs/sms_delivery'
import { autoClose, autoClosedSmsRecipient, silentConsultationIds } from '#modules/experts/closing/close_consultation'

/**
 * Cases answered and then silent for 7 days close themselves (plan 五(三)1), every
 * 10 minutes. The sweep acts on current state only, so a second run, or two workers at
 * once, close nothing twice.
 */
export const AUTO_CLOSE = 'experts.auto_close'
export const AUTO_CLOSED_SMS = 'experts.auto_closed_sms'
const BATCH = 200

export async function sweepSilentConsultations() {
  let closed = 0
  for (;;) {
    const ids = await silentConsultationIds(BATCH)
    const before = closed
    for (const id of ids) {
      await db.transaction(async (trx) => {
        if (!(await autoClose(trx, id))) return
        closed++
        // Queued in the closing transaction: the SMS job exists exactly when the case closed.
        await dispatch(AUTO_CLOSED_SMS, { consultationId: id }, { client: trx, singletonKey: `auto_closed:${id}` })
      })
    }
    // A full batch of which nothing closed would come back unchanged: stop rather than spin.
    if (ids.length < BATCH || closed === before) return closed
  }
}

defineJob(AUTO_CLOSE, async () => {
  await sweepSilentConsultations()
}, { retryLimit: 2, retryDelay: 30 })
defineSchedule(AUTO_CLOSE, 10 * 60)

defineJob<{ consultationId: number }>(AUTO_CLOSED_SMS, async ({ consultationId }) => {
  await queueSms(await autoClosedSmsRecipient(consultationId), 'consultation_auto_closed', { id: String(consultationId) })
}, { retryLimit: 5, retryDelay: 30 })
