import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { Session } from '@adonisjs/session'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { clock, DAY, HOUR, MINUTE } from '#core/clock'

/*
 * How long a signed-in session lives, and how every session of a person ends at once.
 *
 * The session itself is a row of `sessions` (config/session.ts); its data carries a stamp
 * written at login: who signed in, the person's session generation then, when, and when the
 * session was last used. session_lifetime_middleware checks the stamp on every request, on
 * the platform clock, so tests move time with clock.travel.
 */

/** A person unused this long signs in again: a week for farmers and the public, 12 hours for staff. */
export const IDLE_TIMEOUT = { public: 7 * DAY, staff: 12 * HOUR }
/** However busy, a session ends this long after its login. */
export const ABSOLUTE_LIFETIME = 30 * DAY
/** The stamp's "last used" is rewritten at most this often (not a session write per request). */
const SEEN_RESOLUTION = MINUTE

const STAMP_KEY = 'signedIn'

export interface Stamp {
  userId: number
  generation: number
  /** This session's own name: how one device is signed out (#core/accounts/devices) and shown on pages. */
  key?: string
  startedAt: number
  seenAt: number
  /** What "my signed-in devices" shows of the session (#core/accounts/devices): its browser and address at login. */
  device?: Device
}

export interface Device {
  userAgent: string
  ip: string
}

export type SessionVerdict = 'ok' | 'signed_out_everywhere' | 'signed_out_here' | 'idle' | 'expired' | 'deactivated'

/** The stamp in a session's stored data, when it has one. */
export function stampOf(data: Record<string, unknown> | null | undefined): Stamp | null {
  const stamp = data?.[STAMP_KEY] as Stamp | undefined
  return stamp && stamp.userId !== undefined ? stamp : null
}

async function currentGeneration(userId: number, client: QueryClientContract = db.connection()): Promise<number> {
  const row = await client.from('users').where('id', userId).select('session_generation').first()
  return Number(row?.session_generation ?? 0)
}

/** Written right after a login, in the request that logged in. */
export async function stampSignIn(session: Session, userId: number, device?: Device) {
  const now = clock.now().getTime()
  const stamp: Stamp = { userId, generation: await currentGeneration(userId), key: randomBytes(12).toString('hex'), startedAt: now, seenAt: now, device }
  session.put(STAMP_KEY, stamp as any)
  // Lets signOutEverywhere delete the person's rows (the database store; the test store has no tags).
  if (session.supportsTagging()) await session.tag(String(userId))
}

async function idleTimeoutOf(user: User): Promise<number> {
  return (await user.hasRole(...SCOPED_ROLES)) ? IDLE_TIMEOUT.staff : IDLE_TIMEOUT.public
}

/**
 * auth.check() for a session that names a user, and nothing for one that does not: a
 * guest's check builds and throws away an E_UNAUTHORIZED_ACCESS with its stack on every
 * request. Either way auth is "attempted" afterwards, so later checks answer at once.
 */
export async function checkSignedIn({ auth, session }: HttpContext): Promise<boolean> {
  const guard = auth.use('web')
  if (guard.authenticationAttempted) return guard.isAuthenticated
  if (!session.has(guard.sessionKeyName)) {
    guard.authenticationAttempted = true
    return false
  }
  return auth.check()
}

/**
 * Whether the signed-in session may go on; when it may, its "last used" moves to now.
 * A session without a stamp can only come from the test client's loginAs (every real login
 * passes session_lifetime_middleware, which stamps it in the same request): it is stamped now.
 */
export async function checkSession(session: Session, user: User): Promise<SessionVerdict> {
  const stamp = session.get(STAMP_KEY) as Stamp | undefined
  if (!stamp || stamp.userId !== user.id) {
    await stampSignIn(session, user.id)
    return 'ok'
  }
  const now = clock.now().getTime()
  if ((user.sessionGeneration ?? 0) !== stamp.generation) return 'signed_out_everywhere'
  if (stamp.key && user.revokedSessionKeys?.includes(stamp.key)) return 'signed_out_here'
  // Deactivating ends every session (a new generation); this holds even for a row written back afterwards.
  if (user.deactivatedAt) return 'deactivated'
  if (now - stamp.startedAt > ABSOLUTE_LIFETIME) return 'expired'
  if (now - stamp.seenAt > (await idleTimeoutOf(user))) return 'idle'
  if (now - stamp.seenAt >= SEEN_RESOLUTION) session.put(STAMP_KEY, { ...stamp, seenAt: now } as any)
  return 'ok'
}

/**
 * Ends this request's session: the person is signed out, its data is dropped and it gets a new
 * id, so the row behind the old cookie is deleted when the session is committed.
 */
export async function endSession({ auth, session }: HttpContext) {
  await auth.use('web').logout()
  session.clear()
  session.regenerate()
}

/**
 * "Sign out everywhere": every session of the person ends (after a password reset or a change
 * of their roles). Bumping the generation is what guarantees it: a session stamped with an
 * older one is refused on its next request, whichever store holds it, and even when a request
 * that was in flight writes its row back after the delete. Deleting the tagged rows is the
 * clean-up. Runs in the caller's transaction so it happens exactly when the change commits.
 */
export async function signOutEverywhere(client: QueryClientContract, userId: number) {
  await client.from('users').where('id', userId).increment('session_generation', 1)
  await client.from('sessions').where('user_id', String(userId)).delete()
}
