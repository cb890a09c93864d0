import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import i18nManager from '@adonisjs/i18n/services/main'
import { clock } from '#core/clock'
import { holdForReview, onReviewDecision } from '#core/moderation/moderation'
import { notify } from '#core/notifications/notification_service'
import ConsultationMessage from '#modules/experts/models/consultation_message'
import { TRIAGE_WINDOW_MS } from '#modules/experts/shared/consultation_states'
import { lockConsultation, recordEvent, recordTransition } from '#modules/experts/shared/transition'
import { indexConsultation } from '#modules/experts/shared/index_consultation'
import { announceMessage, MESSAGE_SUBJECT } from '#modules/experts/conversation/post_message'

export const CONSULTATION_SUBJECT = 'experts.consultation'

/** Puts a new case in the review queue (its words, or a tripped breaker, held it). */
export function holdConsultation(
  trx: TransactionClientContract,
  consultation: { id: number | string; countyCode: string; text: string },
  categories: string[]
) {
  return holdForReview(trx, {
    module: 'experts',
    subjectType: CONSULTATION_SUBJECT,
    subjectId: Number(consultation.id),
    countyCode: consultation.countyCode,
    text: consultation.text,
    categories,
  })
}

type Reviewer = { id: number } | null | undefined

const zh = (key: string, data?: Record<string, unknown>) => i18nManager.locale('zh-CN').t(`experts.consultations.${key}`, data)

/**
 * A held case waits in the review queue. Approved: it becomes an ordinary submitted
 * case, and the 1-hour triage deadline starts from the approval (the reporter could
 * not have been served while it waited). Rejected: closed with the reviewer's reason,
 * and the reporter is told.
 */
export async function decideConsultation(
  trx: TransactionClientContract,
  consultationId: number,
  decision: 'approved' | 'rejected',
  reviewer: Reviewer,
  reviewerReason: string | null = null
) {
  const consultation = await lockConsultation(trx, consultationId)
  if (!consultation || consultation.moderation !== 'held') return
  const actor = reviewer?.id ? { id: Number(reviewer.id) } : null
  const now = DateTime.fromJSDate(clock.now())
  if (decision === 'approved') {
    consultation.useTransaction(trx)
    consultation.merge({ moderation: 'pass', triageDueAt: now.plus(TRIAGE_WINDOW_MS) })
    await consultation.save()
    await recordEvent(trx, consultation, { kind: 'moderation_approved', actor, actorRole: 'staff' })
    return
  }
  const reason = reviewerReason || zh('moderation.rejected_reason')
  await recordTransition(trx, consultation, 'closed', { kind: 'moderation_rejected', actor, actorRole: 'staff', reason }, { moderation: 'rejected', closedAt: now })
  await notify(
    Number(consultation.reporterId),
    { kind: 'experts.consultation.rejected', title: zh('notify.rejected', { id: consultation.id }), link: `/consultations/${consultation.id}` },
    { client: trx }
  )
}

/**
 * A held message: approved, it appears for the other side and is announced as if
 * just sent (an approved answer also makes the case a solved, searchable one);
 * rejected, it stays visible to its author only, marked as not published.
 */
export async function decideMessage(trx: TransactionClientContract, messageId: number, decision: 'approved' | 'rejected') {
  const message = await ConsultationMessage.query({ client: trx }).where('id', messageId).forUpdate().first()
  if (!message || message.moderation !== 'held') return
  message.useTransaction(trx)
  message.moderation = decision === 'approved' ? 'pass' : 'rejected'
  await message.save()
  if (decision === 'rejected') return
  const consultation = await lockConsultation(trx, message.consultationId)
  if (!consultation) return
  await announceMessage(trx, consultation, message)
  if (message.kind === 'answer') await indexConsultation(trx, consultation)
}

onReviewDecision(CONSULTATION_SUBJECT, (trx, subjectId, decision, reviewer, reason) =>
  decideConsultation(trx, Number(subjectId), decision, reviewer, reason)
)
onReviewDecision(MESSAGE_SUBJECT, (trx, subjectId, decision) => decideMessage(trx, Number(subjectId), decision))
