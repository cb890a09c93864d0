import { createHash } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import { SessionCollection } from '@adonisjs/session'
import type User from '#core/accounts/models/user'
import db from '@adonisjs/lucid/services/db'
import { stampOf, type Stamp } from '#core/accounts/sessions'

/*
 * 我的登录设备: the sessions a person is signed in with, read from the session store through
 * its tags (every login tags its session with the person, #core/accounts/sessions), and one
 * of them signed out. A session is named on pages by its stamp's key (or, stamped before
 * keys, a hash of its id), never by the id itself: the id is what the cookie carries.
 * Signing one out deletes its row and keeps its key on the person, so a request of that
 * session still in flight cannot bring it back by writing its row again.
 */

/** How many signed-out keys a person keeps: sessions older than the newest of these have long expired. */
const KEPT_REVOKED_KEYS = 20

export interface SignedInDevice {
  handle: string
  current: boolean
  userAgent: string
  ip: string
  startedAt: Date
  seenAt: Date
}

const handleOf = (sessionId: string, stamp: Stamp) => stamp.key ?? createHash('sha256').update(sessionId).digest('hex').slice(0, 24)

async function sessionsOf(user: User) {
  const collection = await app.container.make(SessionCollection)
  if (!collection.supportsTagging()) return { collection, sessions: [] }
  const sessions = (await collection.tagged(String(user.id)))
    .map((tagged) => ({ id: tagged.id, stamp: stampOf(tagged.data as Record<string, unknown>) }))
    // A session of an older generation ended with "sign out everywhere"; its row may linger.
    .filter(({ stamp }) => stamp && Number(stamp.userId) === Number(user.id) && Number(stamp.generation) === Number(user.sessionGeneration ?? 0))
  return { collection, sessions }
}

/** The person's live sessions, most recently used first; `currentId` marks the one asking. */
export async function signedInDevices(user: User, currentId?: string): Promise<SignedInDevice[]> {
  const { sessions } = await sessionsOf(user)
  return sessions
    .map(({ id, stamp }) => ({
      handle: handleOf(id, stamp!),
      current: id === currentId,
      userAgent: stamp!.device?.userAgent ?? '',
      ip: stamp!.device?.ip ?? '',
      startedAt: new Date(stamp!.startedAt),
      seenAt: new Date(stamp!.seenAt),
    }))
    .sort((a, b) => b.seenAt.getTime() - a.seenAt.getTime())
}

/** Signs out the person's session of this handle; false when they have none by it (another's, or already gone). */
export async function signOutDevice(user: User, handle: string): Promise<boolean> {
  const { collection, sessions } = await sessionsOf(user)
  const session = sessions.find(({ id, stamp }) => handleOf(id, stamp!) === handle)
  if (!session) return false
  if (session.stamp!.key) {
    await db.rawQuery('UPDATE users SET revoked_session_keys = (array_prepend(?::text, revoked_session_keys))[1:?] WHERE id = ?', [session.stamp!.key, KEPT_REVOKED_KEYS, user.id])
  }
  await collection.destroy(session.id)
  return true
}
