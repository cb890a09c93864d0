/*
 * Background work of the expert service (listed in start/jobs.ts): automatic triage
 * of a case that entered triage, the SMS that hands a case to its expert, and the
 * deadline sweep that enforces the 1-hour and 3-hour windows every minute, and the
 * hourly check that keeps each expert's open-case counter equal to their open cases.
 */
import db from '@adonisjs/lucid/services/db'
import { appUrl } from '#config/app'
import { defineJob, defineSchedule } from '#core/jobs/registry'
import { once } from '#core/jobs/idempotency'
import { deliverSms } from '#core/jobs/sms_delivery'
import sms from '#core/sms/sms_service'
import User from '#core/accounts/models/user'
import Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import { caseLinkPath } from '#modules/experts/shared/case_links'
import { ASSIGNMENT_SMS_JOB, TRIAGE_JOB, assignExpert } from '#modules/experts/triage/assign_expert'
import { sweepDeadlines } from '#modules/experts/triage/sweep_deadlines'
import { checkOpenCases } from '#modules/experts/triage/open_cases_check'

const SWEEP_JOB = 'experts.sweep_deadlines'
/** Hourly: each expert's open_cases against the real count of their open cases (drift is logged and repaired). */
export const OPEN_CASES_CHECK_JOB = 'experts.check_open_cases'

export interface TriagePayload {
  consultationId: number
}

export interface AssignmentSmsPayload {
  consultationId: number
  expertId: number
  /** The assignment event: one SMS per assignment, however often the job runs. */
  eventId: number
}

/** Assigns a case that entered triage; a second run finds it assigned and does nothing. */
export function runTriage({ consultationId }: TriagePayload) {
  return db.transaction((trx) => assignExpert(trx, consultationId))
}

/**
 * Texts the expert their signed link. Skipped when the case has moved on to someone
 * else meanwhile (the link would only say so). The message is recorded in the same
 * transaction as the job's `once` key, so each assignment records exactly one; its
 * delivery is queued and retried by deliver_sms.
 */
export async function sendAssignmentSms({ consultationId, expertId, eventId }: AssignmentSmsPayload) {
  const consultation = await Consultation.find(consultationId)
  if (!consultation || Number(consultation.expertId) !== Number(expertId) || consultation.state !== 'assigned') return
  const expert = await Expert.findOrFail(expertId)
  const user = await User.findOrFail(expert.userId)
  let messageId: number | null = null
  await once(`experts:assignment_sms:${eventId}`, async (trx) => {
    const link = appUrl + caseLinkPath(consultationId, 'expert', expertId)
    const message = await sms.record(user.phone, 'expert_new_case', { link }, { client: trx })
    if (message.status === 'queued') messageId = message.id
  })
  // Should the process stop right here, sms.redeliver_stranded queues it within minutes.
  if (messageId) await deliverSms(messageId)
}

defineJob<TriagePayload>(TRIAGE_JOB, async (payload) => {
  await runTriage(payload)
})
defineJob<AssignmentSmsPayload>(ASSIGNMENT_SMS_JOB, sendAssignmentSms)
defineJob(
  SWEEP_JOB,
  async () => {
    await sweepDeadlines()
  },
  { retryLimit: 1, retryDelay: 10 }
)
defineSchedule(SWEEP_JOB, 60)
defineJob(
  OPEN_CASES_CHECK_JOB,
  async () => {
    await checkOpenCases()
  },
  { retryLimit: 1, retryDelay: 60 }
)
defineSchedule(OPEN_CASES_CHECK_JOB, 3600)
