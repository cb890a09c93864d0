import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { appUrl } from '#config/app'
import { clock, HOUR } from '#core/clock'
import User from '#core/accounts/models/user'
import { queueSms } from '#core/jobs/sms_delivery'
import { holdForReview, screen } from '#core/moderation/moderation'
import { notify } from '#core/notifications/notification_service'
import type Consultation from '#modules/experts/models/consultation'
import ConsultationMessage, { type MessageAuthorRole, type MessageKind } from '#modules/experts/models/consultation_message'
import Expert from '#modules/experts/models/expert'
import { CONVERSATION_OPEN } from '#modules/experts/shared/consultation_states'
import { caseLinkPath } from '#modules/experts/shared/case_links'

export interface MessageInput {
  authorId: number | null
  authorRole: MessageAuthorRole
  kind?: MessageKind
  body: string
  /** Media already stored through the media service, attached to this message in this order. */
  mediaIds?: number[]
}

export const MESSAGE_SUBJECT = 'experts.message'

/**
 * A message after this much quiet also goes out by SMS: someone who stopped looking
 * at the page hours ago would not see an in-site notice; a lively exchange is not
 * turned into a stream of texts.
 */
const SMS_AFTER_SILENCE_MS = 2 * HOUR

/** Why a message was not taken; the text is `experts.consultations.conversation.errors.<reason>`. */
export class MessageRefusedError extends Error {
  constructor(readonly reason: 'blocked' | 'not_open') {
    super(`Message refused: ${reason}`)
  }

  get messageKey() {
    return `experts.consultations.conversation.errors.${this.reason}`
  }
}

/**
 * Whether `authorRole` may add a `kind` message now. The expert answers or asks from
 * the moment the case is assigned; conversation is open once answered (and through
 * the visit states); before that the reporter may only reply to an expert's question.
 * A held or rejected case has no conversation.
 */
export async function messageAllowed(
  consultation: Consultation,
  authorRole: MessageAuthorRole,
  kind: MessageKind,
  client?: TransactionClientContract
) {
  if (consultation.moderation !== 'pass') return false
  if (CONVERSATION_OPEN.includes(consultation.state)) return kind === 'message' || authorRole !== 'reporter'
  if (consultation.state !== 'assigned') return false
  if (authorRole !== 'reporter') return kind !== 'message'
  if (kind !== 'message') return false
  const question = await ConsultationMessage.query({ client })
    .where('consultation_id', consultation.id)
    .where('kind', 'question')
    .where('moderation', 'pass')
    .select('id')
    .first()
  return !!question
}

/**
 * Adds a message (an answer, a question to the reporter, or conversation) to a case.
 * The text is screened first: blocked text is refused and nothing is stored; held
 * text is stored but seen only by its author and the reviewers until approved
 * (onReviewDecision in consultation_moderation.ts). A published message is announced
 * to the other side. State changes (assigned → answering on an answer) belong to the
 * caller's action, which holds the row lock; this writes the message, its attachments
 * and the notices.
 */
export async function postMessage(trx: TransactionClientContract, consultation: Consultation, input: MessageInput) {
  const kind = input.kind ?? 'message'
  if (!(await messageAllowed(consultation, input.authorRole, kind, trx))) throw new MessageRefusedError('not_open')
  const screening = await screen({ module: 'experts', countyCode: consultation.countyCode, text: input.body }, trx)
  if (screening.verdict === 'block') throw new MessageRefusedError('blocked')

  const held = screening.verdict === 'hold'
  const message = await ConsultationMessage.create(
    {
      consultationId: consultation.id,
      authorId: input.authorId,
      authorRole: input.authorRole,
      kind,
      body: input.body,
      moderation: held ? 'held' : 'pass',
      createdAt: DateTime.fromJSDate(clock.now()),
    },
    { client: trx }
  )
  const mediaIds = input.mediaIds ?? []
  if (mediaIds.length) {
    await trx.table('experts_consultation_media').insert(
      mediaIds.map((mediaId, position) => ({ consultation_id: consultation.id, message_id: message.id, media_id: mediaId, position }))
    )
  }
  if (held) {
    await holdForReview(trx, {
      module: 'experts',
      subjectType: MESSAGE_SUBJECT,
      subjectId: Number(message.id),
      countyCode: consultation.countyCode,
      text: input.body,
      categories: screening.categories,
    })
    return message
  }
  await announceMessage(trx, consultation, message)
  return message
}

/**
 * Tells the other side that a published message is there: in-site always, by SMS
 * when it breaks a silence of SMS_AFTER_SILENCE_MS (or is the first). The reporter's
 * side is the reporter and, when an 信息员 reported for a farmer, the farmer's phone
 * (with the farmer's SMS link).
 */
export async function announceMessage(trx: TransactionClientContract, consultation: Consultation, message: ConsultationMessage) {
  const now = clock.now()
  const previous = consultation.lastMessageAt
  const afterSilence = !previous || now.getTime() - previous.toMillis() >= SMS_AFTER_SILENCE_MS
  const t = (key: string, data?: Record<string, unknown>) => i18nManager.locale('zh-CN').t(`experts.consultations.${key}`, data)
  const notice = {
    kind: `experts.consultation.${message.kind}`,
    title: t(`notify.${message.kind}`, { id: consultation.id }),
    body: excerpt(message.body),
    link: `/consultations/${consultation.id}`,
  }
  const texts: { phone: string; path: string }[] = []

  if (message.authorRole === 'reporter') {
    const expert = consultation.expertId ? await Expert.find(consultation.expertId, { client: trx }) : null
    if (expert) {
      await notify(Number(expert.userId), notice, { client: trx })
      const expertUser = await User.find(expert.userId, { client: trx })
      if (afterSilence && expertUser) texts.push({ phone: expertUser.phone, path: caseLinkPath(Number(consultation.id), 'expert', Number(expert.id)) })
    }
    // The farmer wrote through the link: the 信息员 who reported it follows along.
    if (message.authorId === null) await notify(Number(consultation.reporterId), notice, { client: trx })
  } else {
    await notify(Number(consultation.reporterId), notice, { client: trx })
    if (afterSilence) {
      if (consultation.farmerPhone) {
        texts.push({ phone: consultation.farmerPhone, path: caseLinkPath(Number(consultation.id), 'farmer', 0) })
      } else {
        const reporter = await User.find(consultation.reporterId, { client: trx })
        if (reporter) texts.push({ phone: reporter.phone, path: notice.link })
      }
    }
  }

  consultation.useTransaction(trx)
  consultation.lastMessageAt = DateTime.fromJSDate(now)
  await consultation.save()

  // An SMS announces a change that must exist first: queued once the transaction commits.
  if (texts.length) {
    trx.after('commit', async () => {
      for (const text of texts) {
        await queueSms(text.phone, 'consultation_new_message', { id: String(consultation.id), link: siteUrl(text.path) }).catch((error) =>
          logger.error({ err: error, consultationId: consultation.id }, 'experts: message SMS not queued')
        )
      }
    })
  }
}

/** An absolute URL of this site for an SMS. */
export function siteUrl(path: string) {
  return new URL(path, appUrl).toString()
}

function excerpt(text: string, length = 60) {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length)}…` : flat
}
