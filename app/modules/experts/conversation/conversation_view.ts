import type { DateTime } from 'luxon'
import Media, { type MediaVariant } from '#core/media/media'
import type Consultation from '#modules/experts/models/consultation'
import ConsultationMessage from '#modules/experts/models/consultation_message'
import type { CaseViewer } from '#modules/experts/shared/consultation_access'
import { messageAllowed } from '#modules/experts/conversation/post_message'

/** How a page links a case's photo: logged-in pages use /media/…, SMS-link pages their own signed route. */
export type MediaUrl = (media: Media, variant: MediaVariant) => string

export const sessionMediaUrl: MediaUrl = (media, variant) => media.url(variant)

/** A message as the partial resources/views/experts/conversation/partials/messages.edge shows it. */
export interface MessageView {
  id: number
  authorRole: ConsultationMessage['authorRole']
  kind: ConsultationMessage['kind']
  body: string
  createdAt: DateTime
  moderation: ConsultationMessage['moderation']
  mine: boolean
  photos: Media[]
}

/** Enough for a case page; older messages are rarely read on a phone and cost every poll. */
const SHOWN_MESSAGES = 200

function isMine(message: ConsultationMessage, viewer: CaseViewer) {
  if (message.authorId !== null) return viewer.userId !== null && Number(message.authorId) === viewer.userId
  return viewer.userId === null && message.authorRole === viewer.side
}

/**
 * The conversation of a case for one viewer, oldest first. Held and rejected
 * messages are shown only to their author and to reviewers: a held message stays
 * invisible to everyone else until a reviewer approves it.
 */
export async function loadConversation(consultation: Consultation, viewer: CaseViewer): Promise<MessageView[]> {
  const query = ConsultationMessage.query().where('consultation_id', consultation.id).orderBy('id', 'desc').limit(SHOWN_MESSAGES)
  if (!viewer.reviewer) {
    query.where((visible) => {
      visible.where('moderation', 'pass')
      if (viewer.userId !== null) visible.orWhere('author_id', viewer.userId)
      else visible.orWhere((own) => own.whereNull('author_id').where('author_role', viewer.side))
    })
  }
  const messages = (await query).reverse()
  const photos = await messagePhotos(messages.map((message) => message.id))
  return messages.map((message) => ({
    id: Number(message.id),
    authorRole: message.authorRole,
    kind: message.kind,
    body: message.body,
    createdAt: message.createdAt,
    moderation: message.moderation,
    mine: isMine(message, viewer),
    photos: photos.get(Number(message.id)) ?? [],
  }))
}

async function messagePhotos(messageIds: number[]) {
  const byMessage = new Map<number, Media[]>()
  if (!messageIds.length) return byMessage
  const rows = await Media.query()
    .join('experts_consultation_media as attached', 'attached.media_id', 'media.id')
    .whereIn('attached.message_id', messageIds)
    .orderBy('attached.position')
    .select('media.*', 'attached.message_id as attached_message_id')
  for (const media of rows) {
    const messageId = Number(media.$extras.attached_message_id)
    byMessage.set(messageId, [...(byMessage.get(messageId) ?? []), media])
  }
  return byMessage
}

/** The photos and video of the case itself (not of its messages), in the order they were chosen. */
export function caseMedia(consultation: Consultation) {
  return Media.query()
    .join('experts_consultation_media as attached', 'attached.media_id', 'media.id')
    .where('attached.consultation_id', consultation.id)
    .whereNull('attached.message_id')
    .orderBy('attached.position')
    .select('media.*')
}

/** Whether this viewer may write a plain message now (the form is shown only then); staff only read. */
export async function canPostMessage(consultation: Consultation, viewer: CaseViewer) {
  return viewer.side !== 'staff' && (await messageAllowed(consultation, viewer.side, 'message'))
}
