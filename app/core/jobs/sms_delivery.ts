import sms from '#core/sms/sms_service'
import type { SmsTemplate, SmsVariables } from '#core/sms/templates'
import { dispatch } from '#core/jobs/dispatch'
import { PermanentJobError, defineJob, defineSchedule } from '#core/jobs/registry'

/**
 * SMS that may wait (a new task for someone, a deadline reminder) go through the
 * queue: recorded first, then delivered by the deliver_sms job, retried with
 * backoff (waits of 30–60 s, 1–2 min, … up to 30 min; 6 retries) until the provider takes it.
 * Login codes stay synchronous (SmsService.send): the person is waiting, and a
 * late code would arrive after they asked for a new one.
 */
export const DELIVER_SMS = 'deliver_sms'

defineJob<{ messageId: number }>(
  DELIVER_SMS,
  async ({ messageId }) => {
    // deliver() is idempotent: a sent or refused message is left alone, one being sent is not touched.
    const { message, retryable } = await sms.deliver(messageId)
    if (message.status === 'sent' || message.status === 'refused') return
    if (!retryable) throw new PermanentJobError(`SMS ${messageId} not sent: ${message.reason}`)
    throw new Error(`SMS ${messageId} not sent yet (${message.status}): ${message.reason ?? 'another worker is sending it'}`)
  },
  { retryLimit: 6, retryDelay: 30, retryDelayMax: 30 * 60, concurrency: 5 }
)

/** Queues delivery of a recorded message; a delivery already waiting for it absorbs this one. */
export function deliverSms(messageId: number) {
  return dispatch(DELIVER_SMS, { messageId }, { singletonKey: `sms:${messageId}` })
}

/** Records an SMS and queues its delivery. Call after the change it announces has committed. */
export async function queueSms(phone: string, template: SmsTemplate, variables: SmsVariables) {
  const message = await sms.record(phone, template, variables)
  if (message.status === 'queued') await deliverSms(message.id)
  return message
}

/** Messages whose delivery was never queued (the process stopped in between) or whose worker died. */
defineJob('sms.redeliver_stranded', async () => {
  for (const messageId of await sms.stranded()) await deliverSms(messageId)
}, { retryLimit: 1, retryDelay: 10 })
defineSchedule('sms.redeliver_stranded', 60)
