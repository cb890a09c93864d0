import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { Session } from '@adonisjs/session'
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import User from '#core/accounts/models/user'
import Passkey from '#core/accounts/models/passkey'
import { passkeyConfig } from '#core/accounts/passkey_config'
import { audit, registerAuditActions } from '#core/audit/audit'
import { clock, MINUTE } from '#core/clock'

/*
 * 通行密钥 (passkeys, plan 五(三)5 "指纹登录"): a person adds a passkey of their phone (its
 * fingerprint or face unlock: a platform authenticator, user verification required) and
 * signs in with it from then on; the SMS code stays the way in without one.
 *
 * Each ceremony's challenge is kept in the person's server-side session and taken out by the
 * first answer to it, so an answer is checked once: a replayed one finds no challenge, a
 * challenge already answered (passkey_challenges, for copies sent at once), or a counter
 * that did not move. The origin and RP ID come from #core/accounts/passkey_config.
 */

registerAuditActions({
  'account.passkey_add': 'audit.actions.account_passkey_add',
  'account.passkey_remove': 'audit.actions.account_passkey_remove',
})

const CHALLENGE_KEY = 'passkeyChallenge'
const CHALLENGE_LIFETIME = 5 * MINUTE
/** Enough for a person's phones and tablets; a sixth is refused. */
export const MAX_PASSKEYS = 10

/** Why a passkey was refused; each has its Chinese message (accounts.passkeys.refused.<reason>). */
export type PasskeyRefusal = 'no_challenge' | 'challenge' | 'origin' | 'unknown' | 'replay' | 'invalid' | 'too_many'

export class PasskeyRefused extends Error {
  constructor(readonly reason: PasskeyRefusal) {
    super(`Passkey refused: ${reason}`)
  }
}

interface Pending {
  challenge: string
  purpose: 'register' | 'login'
  userId: number | null
  at: number
}

function remember(session: Session, challenge: string, purpose: Pending['purpose'], userId: number | null) {
  session.put(CHALLENGE_KEY, { challenge, purpose, userId, at: clock.now().getTime() } satisfies Pending as any)
}

/** The pending challenge of this ceremony, taken out of the session (an answer is checked once). */
function takeChallenge(session: Session, purpose: Pending['purpose'], userId: number | null): string {
  const pending = session.pull(CHALLENGE_KEY) as Pending | undefined
  const fresh = pending && clock.now().getTime() - pending.at <= CHALLENGE_LIFETIME
  if (!fresh || pending.purpose !== purpose || pending.userId !== userId) throw new PasskeyRefused('no_challenge')
  return pending.challenge
}

/**
 * Marks the challenge answered, once for all requests: a second answer to it — a copy sent at
 * the same moment, from a session read before the first took the challenge out — is refused.
 * Answered challenges are kept as long as a challenge lives.
 */
async function spendChallenge(challenge: string) {
  const now = clock.now()
  await db.from('passkey_challenges').where('used_at', '<', new Date(now.getTime() - CHALLENGE_LIFETIME)).delete()
  const spent = await db.table('passkey_challenges').insert({ challenge, used_at: now }).onConflict('challenge').ignore().returning('challenge')
  if (spent.length === 0) throw new PasskeyRefused('replay')
}

/**
 * What the browser signed over, checked before the signature so the refusal says why: the
 * page's origin must be ours, and the challenge the one this session was given.
 */
function checkClientData(response: { response?: { clientDataJSON?: unknown } }, challenge: string) {
  let clientData: { origin?: unknown; challenge?: unknown }
  try {
    clientData = JSON.parse(Buffer.from(String(response?.response?.clientDataJSON), 'base64url').toString('utf8'))
  } catch {
    throw new PasskeyRefused('invalid')
  }
  if (clientData.origin !== passkeyConfig().origin) throw new PasskeyRefused('origin')
  if (clientData.challenge !== challenge) throw new PasskeyRefused('challenge')
}

export function passkeysOf(user: User) {
  return Passkey.query().where('user_id', user.id).orderBy('id')
}

/** Options for navigator.credentials.create: a passkey of this phone, bound to the person. */
export async function registrationOptions(session: Session, user: User, rpName: string) {
  const existing = await passkeysOf(user)
  if (existing.length >= MAX_PASSKEYS) throw new PasskeyRefused('too_many')
  const { rpId } = passkeyConfig()
  const options = await generateRegistrationOptions({
    rpName,
    rpID: rpId,
    userName: user.maskedPhone,
    userDisplayName: user.name || user.maskedPhone,
    userID: new TextEncoder().encode(`user-${user.id}`),
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports as AuthenticatorTransport[] })),
    // Discoverable, so signing in needs no phone number typed first; the phone's own lock (fingerprint, face) verifies the person.
    authenticatorSelection: { authenticatorAttachment: 'platform', residentKey: 'required', userVerification: 'required' },
  })
  remember(session, options.challenge, 'register', user.id)
  return options
}

/** Checks the phone's answer to registrationOptions and keeps the passkey under `name`; nothing is stored when it fails. */
export async function addPasskey(session: Session, user: User, response: RegistrationResponseJSON, name: string, ip: string): Promise<Passkey> {
  const challenge = takeChallenge(session, 'register', user.id)
  checkClientData(response, challenge)
  await spendChallenge(challenge)
  const { origin, rpId } = passkeyConfig()
  let verified
  try {
    verified = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpId, requireUserVerification: true })
  } catch {
    throw new PasskeyRefused('invalid')
  }
  if (!verified.verified) throw new PasskeyRefused('invalid')
  const { credential, credentialBackedUp } = verified.registrationInfo
  return db.transaction(async (trx) => {
    const taken = await Passkey.query({ client: trx }).where('credential_id', credential.id).first()
    if (taken) throw new PasskeyRefused('invalid')
    const passkey = await Passkey.create(
      { userId: user.id, credentialId: credential.id, publicKey: Buffer.from(credential.publicKey), counter: credential.counter, transports: credential.transports ?? [], name, backedUp: credentialBackedUp },
      { client: trx }
    )
    await audit(trx, { actor: user, action: 'account.passkey_add', subjectType: 'passkey', subjectId: passkey.id, countyCode: user.countyCode, ip, changes: { name: { old: null, new: name } } })
    return passkey
  })
}

/** Options for navigator.credentials.get: any passkey of ours on this phone (discoverable), verified by the person. */
export async function authenticationOptions(session: Session) {
  const options = await generateAuthenticationOptions({ rpID: passkeyConfig().rpId, userVerification: 'required', allowCredentials: [] })
  remember(session, options.challenge, 'login', null)
  return options
}

/**
 * The person the phone's answer to authenticationOptions proves, with the passkey's counter
 * and last use moved on. The counter is moved only from the value the check was made
 * against, so of two copies of one answer sent at once only one signs in.
 */
export async function verifyPasskeyLogin(session: Session, response: AuthenticationResponseJSON): Promise<User> {
  const challenge = takeChallenge(session, 'login', null)
  checkClientData(response, challenge)
  await spendChallenge(challenge)
  const passkey = typeof response?.id === 'string' ? await Passkey.findBy('credential_id', response.id) : null
  if (!passkey) throw new PasskeyRefused('unknown')
  const { origin, rpId } = passkeyConfig()
  let verified
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      requireUserVerification: true,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports as AuthenticatorTransport[] },
    })
  } catch (error) {
    throw new PasskeyRefused(/counter/i.test((error as Error).message) ? 'replay' : 'invalid')
  }
  if (!verified.verified) throw new PasskeyRefused('invalid')
  const now = DateTime.now()
  const moved = await db
    .from('passkeys')
    .where('id', passkey.id)
    .where('counter', passkey.counter)
    .update({ counter: verified.authenticationInfo.newCounter, last_used_at: now.toJSDate() })
  if (Number(moved) !== 1) throw new PasskeyRefused('replay')
  const user = await User.findOrFail(passkey.userId)
  user.lastLoginAt = now
  await user.save()
  return user
}

/** One of the person's own passkeys; another's is not found (404). */
export function ownPasskey(user: User, id: string | number) {
  return Passkey.query().where('user_id', user.id).where('id', id).firstOrFail()
}

export async function renamePasskey(passkey: Passkey, name: string) {
  passkey.name = name
  await passkey.save()
}

export async function removePasskey(user: User, passkey: Passkey, ip: string) {
  await db.transaction(async (trx) => {
    passkey.useTransaction(trx)
    await passkey.delete()
    await audit(trx, { actor: user, action: 'account.passkey_remove', subjectType: 'passkey', subjectId: passkey.id, countyCode: user.countyCode, ip, changes: { name: { old: passkey.name, new: null } } })
  })
}
