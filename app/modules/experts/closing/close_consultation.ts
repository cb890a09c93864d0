import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#core/clock'
import { notify } from '#core/notifications/notification_service'
import Consultation from '#modules/experts/models/consultation'
import { lockConsultation, recordTransition, type EventInput } from '#modules/experts/shared/transition'
import { indexConsultation } from '#modules/experts/shared/index_consultation'
import { releasePlace } from '#modules/experts/triage/assign_expert'
import { notifyExpert } from '#modules/experts/visits/visit_actions'
import { AUTO_CLOSE_AFTER_MS, FOLLOWUP_WINDOW_MS } from '#modules/experts/shared/consultation_states'
import { CLOSABLE_STATES } from '#modules/experts/visits/participants'
import { visitPaths } from '#modules/experts/visits/paths'
import { RuleError } from '#core/http/rule_error'

/** A case that is no longer closable (closed already, or not answered yet). */
export const NOT_CLOSABLE = 'experts.visits.errors.not_closable'

const t = (key: string, data?: Record<string, unknown>) => i18nManager.locale('zh-CN').t(`experts.visits.${key}`, data)

/**
 * Closing, by hand or by the sweep: the follow-up deadline starts (7 days), the case no
 * longer counts against its expert's load, and the search index learns its rating —
 * all in the caller's transaction, so none of it can happen without the others.
 */
async function close(trx: TransactionClientContract, consultation: Consultation, event: EventInput, changes: Partial<Consultation>) {
  const now = clock.now()
  await recordTransition(trx, consultation, 'closed', event, {
    ...changes,
    closedAt: DateTime.fromJSDate(now),
    followupDueAt: DateTime.fromJSDate(new Date(now.getTime() + FOLLOWUP_WINDOW_MS)),
  })
  await releasePlace(trx, consultation.expertId)
  await indexConsultation(trx, consultation)
}

/** The reporter (signed in) or the farmer (by SMS link) closes the case with a rating 1–5. */
export async function closeConsultation(
  consultationId: number,
  actor: { id: number | null; role: 'reporter' | 'farmer' },
  input: { rating: number; comment?: string | null }
) {
  return db.transaction(async (trx) => {
    const consultation = await lockConsultation(trx, consultationId)
    if (!consultation || !(CLOSABLE_STATES as readonly string[]).includes(consultation.state)) throw new RuleError(NOT_CLOSABLE)
    await close(
      trx,
      consultation,
      { kind: 'closed', actor: actor.id ? { id: actor.id } : null, actorRole: actor.role, expertId: consultation.expertId },
      { rating: input.rating, ratingComment: input.comment || null }
    )
    await notifyExpert(trx, consultation.expertId, consultation, {
      kind: 'experts.closed',
      title: t('notify.closed', { id: consultation.id, rating: input.rating }),
      body: input.comment || null,
    })
    return consultation
  })
}

/** Last activity: the answer, the latest message, or any later step of the case's history. */
const SILENT_SINCE = `state IN ('answering', 'visited')
  AND GREATEST(answered_at, last_message_at) < ?
  AND NOT EXISTS (SELECT 1 FROM experts_consultation_events e WHERE e.consultation_id = experts_consultations.id AND e.created_at >= ?)`

/** Cases answered and silent for AUTO_CLOSE_AFTER_MS at the platform clock, oldest first. */
export async function silentConsultationIds(limit: number): Promise<number[]> {
  const cutoff = new Date(clock.now().getTime() - AUTO_CLOSE_AFTER_MS)
  const rows = await db
    .from('experts_consultations')
    .select('id')
    .whereRaw(SILENT_SINCE, [cutoff, cutoff])
    .orderByRaw('GREATEST(answered_at, last_message_at)')
    .limit(limit)
  return rows.map((row) => Number(row.id))
}

/**
 * Closes one silent case (rating left empty, event 'auto_closed') and tells the reporter
 * in the site. Checked again under the row lock, so a message that just arrived, or a
 * second sweep, leaves the case alone. Returns the case when it was closed.
 */
export async function autoClose(trx: TransactionClientContract, consultationId: number) {
  const cutoff = new Date(clock.now().getTime() - AUTO_CLOSE_AFTER_MS)
  const consultation = await Consultation.query({ client: trx })
    .where('id', consultationId)
    .whereRaw(SILENT_SINCE, [cutoff, cutoff])
    .forUpdate()
    .first()
  if (!consultation) return null
  await close(trx, consultation, { kind: 'auto_closed', actor: null, actorRole: 'system', expertId: consultation.expertId }, {})
  await notify(
    consultation.reporterId,
    { kind: 'experts.auto_closed', title: t('notify.auto_closed', { id: consultation.id }), link: visitPaths.reporterCase(consultation) },
    { client: trx }
  )
  return consultation
}

/** Whom the closing SMS goes to: the farmer an 信息员 reported for, else the reporter. */
export async function autoClosedSmsRecipient(consultationId: number) {
  const consultation = await Consultation.query().where('id', consultationId).preload('reporter').firstOrFail()
  return consultation.farmerPhone ?? consultation.reporter.phone
}

