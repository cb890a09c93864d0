import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#core/clock'
import type Consultation from '#modules/experts/models/consultation'
import type Expert from '#modules/experts/models/expert'
import { lockConsultation, recordEvent, recordTransition } from '#modules/experts/shared/transition'
import { postMessage } from '#modules/experts/conversation/post_message'
import { indexConsultation } from '#modules/experts/shared/index_consultation'
import { reassign } from '#modules/experts/triage/assign_expert'

/**
 * What the assigned expert does with a case, from the SMS link page or from
 * "我的案件" alike: accept, decline, answer, ask the reporter. Each runs under the
 * case's row lock and first checks that the expert still holds the case, so a
 * reassigned expert's late click changes nothing.
 */
export class CaseActionError extends Error {
  constructor(readonly messageKey: string) {
    super(messageKey)
  }
}

/** The case is someone else's now (or gone): the link page says so. */
export class NotCurrentExpertError extends CaseActionError {
  constructor() {
    super('experts.triage.link.reassigned')
  }
}

const zh = () => i18nManager.locale('zh-CN')

async function lockOwnCase(trx: TransactionClientContract, consultationId: number, expert: Expert) {
  const consultation = await lockConsultation(trx, consultationId)
  if (!consultation || Number(consultation.expertId) !== Number(expert.id)) throw new NotCurrentExpertError()
  return consultation
}

function actorOf(expert: Expert) {
  return { actor: { id: expert.userId }, actorRole: 'expert', expertId: expert.id }
}

/** "接单": the 3-hour deadline is met; the case stays assigned until the answer. */
export function acceptCase(consultationId: number, expert: Expert) {
  return db.transaction(async (trx) => {
    const consultation = await lockOwnCase(trx, consultationId, expert)
    if (consultation.state !== 'assigned') throw new CaseActionError('experts.triage.errors.not_open')
    if (consultation.firstResponseAt) return consultation
    consultation.useTransaction(trx)
    consultation.firstResponseAt = DateTime.fromJSDate(clock.now())
    await consultation.save()
    await recordEvent(trx, consultation, { kind: 'accepted', ...actorOf(expert) })
    return consultation
  })
}

/** "无法接单": recorded with the reason; the next candidate gets the case (or the centre, if nobody). */
export function declineCase(consultationId: number, expert: Expert, reason: string) {
  return db.transaction(async (trx) => {
    const consultation = await lockOwnCase(trx, consultationId, expert)
    if (consultation.state !== 'assigned') throw new CaseActionError('experts.triage.errors.not_open')
    await recordEvent(trx, consultation, { kind: 'declined', ...actorOf(expert), reason })
    await reassign(trx, consultation, { reasonPrefix: zh().t('experts.triage.reasons.after_decline') })
    return consultation
  })
}

export interface ReplyInput {
  body: string
  /** Photos already stored through the media service (in the caller's transaction). */
  mediaIds?: number[]
}

/**
 * "解答": the first answer moves the case to 'answering' and makes it a solved case
 * for 找类似; later answers add to it. An answer is also a first response.
 */
export function answerCase(
  consultationId: number,
  expert: Expert,
  input: ReplyInput | ((trx: TransactionClientContract, consultation: Consultation) => Promise<ReplyInput>)
) {
  return db.transaction(async (trx) => {
    const consultation = await lockOwnCase(trx, consultationId, expert)
    if (consultation.state !== 'assigned' && consultation.state !== 'answering') throw new CaseActionError('experts.triage.errors.not_open')
    const reply = typeof input === 'function' ? await input(trx, consultation) : input
    const message = await postMessage(trx, consultation, {
      authorId: expert.userId,
      authorRole: 'expert',
      kind: 'answer',
      body: reply.body,
      mediaIds: reply.mediaIds,
    })
    if (consultation.state === 'assigned') {
      const now = DateTime.fromJSDate(clock.now())
      await recordTransition(trx, consultation, 'answering', { kind: 'answered', ...actorOf(expert) }, {
        answeredAt: now,
        firstResponseAt: consultation.firstResponseAt ?? now,
      })
    }
    await indexConsultation(trx, consultation)
    return message
  })
}

/** "向报告人提问": the expert needs more facts first; it counts as the first response. */
export function askReporter(consultationId: number, expert: Expert, body: string) {
  return db.transaction(async (trx) => {
    const consultation = await lockOwnCase(trx, consultationId, expert)
    if (consultation.state !== 'assigned') throw new CaseActionError('experts.triage.errors.not_open')
    const message = await postMessage(trx, consultation, { authorId: expert.userId, authorRole: 'expert', kind: 'question', body })
    consultation.useTransaction(trx)
    consultation.firstResponseAt ??= DateTime.fromJSDate(clock.now())
    await consultation.save()
    await recordEvent(trx, consultation, { kind: 'question_asked', ...actorOf(expert) })
    return message
  })
}
