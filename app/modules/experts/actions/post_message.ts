import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#core/clock'
import Consultation from '#modules/experts/models/consultation'
import ConsultationMessage, { type MessageAuthorRole, type MessageKind } from '#modules/experts/models/consultation_message'

export interface MessageInput {
  authorId: number | null
  authorRole: MessageAuthorRole
  kind?: MessageKind
  body: string
  /** Media already stored through the media service, attached to this message in this order. */
  mediaIds?: number[]
}

/**
 * Adds a message (an answer, a question to the reporter, or conversation) to a case.
 * State changes (assigned → answering on an answer) belong to the caller's action,
 * which holds the row lock; this only writes the message and its attachments.
 */
export async function postMessage(trx: TransactionClientContract, consultation: Consultation, input: MessageInput) {
  const now = DateTime.fromJSDate(clock.now())
  const message = await ConsultationMessage.create(
    {
      consultationId: consultation.id,
      authorId: input.authorId,
      authorRole: input.authorRole,
      kind: input.kind ?? 'message',
      body: input.body,
      moderation: 'pass',
      createdAt: now,
    },
    { client: trx }
  )
  const mediaIds = input.mediaIds ?? []
  if (mediaIds.length) {
    await trx.table('experts_consultation_media').insert(
      mediaIds.map((mediaId, position) => ({ consultation_id: consultation.id, message_id: message.id, media_id: mediaId, position }))
    )
  }
  consultation.useTransaction(trx)
  consultation.lastMessageAt = now
  await consultation.save()
  return message
}
