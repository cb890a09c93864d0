import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Notification from '#core/notifications/notification'

export interface NotificationInput {
  /** module.event, e.g. <module>.<record>_assigned */
  kind: string
  /** Already in the reader's language (Chinese), ≤ 100 characters. */
  title: string
  body?: string | null
  /** A path inside the site, e.g. the record's own page. */
  link?: string | null
}

export const PER_PAGE = 20
/** The tab bar shows "99+" beyond this: counting further would cost more on every page. */
export const UNREAD_SHOWN_UP_TO = 99

/** Only paths of this site: a notification must never send someone elsewhere. */
function isSitePath(link: string) {
  // eslint-disable-next-line no-control-regex -- a control character in a link is exactly what is refused
  return link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') && !/[\s\u0000-\u001f]/.test(link)
}

/**
 * Tells a person something happened. Pass the caller's transaction as `client` so
 * the notification exists exactly when the change it reports does.
 */
export async function notify(userId: number, input: NotificationInput, options: { client?: QueryClientContract } = {}) {
  if (!input.kind || input.kind.length > 60) throw new Error('notify: kind must be 1–60 characters')
  if (!input.title || input.title.length > 100) throw new Error('notify: title must be 1–100 characters')
  if (input.link && (input.link.length > 500 || !isSitePath(input.link))) throw new Error(`notify: link must be a path of this site: ${input.link}`)
  return Notification.create(
    { userId, kind: input.kind, title: input.title, body: input.body || null, link: input.link || null },
    { client: options.client }
  )
}

/**
 * Unread notifications, counted up to UNREAD_SHOWN_UP_TO + 1. Runs on every page for
 * a signed-in person, so it reads only the partial index of unread rows, and never
 * more than 100 of them.
 */
export const UNREAD_COUNT_SQL =
  'SELECT count(*)::int AS n FROM (SELECT 1 FROM notifications WHERE user_id = ? AND read_at IS NULL LIMIT ?) AS unread'

export async function unreadCount(userId: number): Promise<number> {
  const result = await db.rawQuery(UNREAD_COUNT_SQL, [userId, UNREAD_SHOWN_UP_TO + 1])
  return result.rows[0].n
}

/** The person's notifications, newest first. */
export function listFor(userId: number, page: number) {
  return Notification.query().where('userId', userId).orderBy('id', 'desc').paginate(page, PER_PAGE)
}

/** Someone else's notification is "not found": its existence is not revealed. */
export async function markRead(userId: number, notificationId: number) {
  const notification = await Notification.query().where({ id: notificationId, userId }).firstOrFail()
  if (!notification.readAt) {
    notification.readAt = DateTime.now()
    await notification.save()
  }
  return notification
}

export async function markAllRead(userId: number) {
  return Notification.query().where('userId', userId).whereNull('readAt').update({ readAt: DateTime.now().toJSDate() })
}
