import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import User from '#core/accounts/models/user'
import { audit } from '#core/audit/audit'
import { consumeSmsCode, SmsCodeRejected, ThrottledError } from '#core/accounts/sms_codes'

export class BadCredentialsError extends Error {}
/** The password was right, but the account is under attack: this login needs an SMS code too. */
export class CodeRequiredError extends Error {}

/** Failures against one account from one place: that place waits (the guesser, not the owner). */
const bySource = () => limiter.use({ requests: 5, duration: '15 min', blockDuration: '15 min' })
/** Failures from one IP across accounts: a guesser walking through many phones. */
const byIp = () => limiter.use({ requests: 30, duration: '15 min', blockDuration: '15 min' })
/**
 * Failures against one account from anywhere. Past the limit the account is not locked —
 * that would let anyone who knows a farmer's phone keep them out — the right password
 * then needs an SMS code to that phone as well.
 */
const byAccount = () => limiter.use({ requests: 10, duration: '1 hour' })

/**
 * Password login. `code` is the SMS code the form asks for once the account has seen
 * too many failures; a successful login clears the counters of its place (and, with a
 * code, the account's).
 */
export async function attemptLogin(phone: string, password: string, ip: string, code?: string): Promise<User> {
  const [source, network, account] = [bySource(), byIp(), byAccount()]
  const sourceKey = `login:phone-ip:${phone}:${ip}`
  const ipKey = `login:ip:${ip}`
  const accountKey = `login:phone:${phone}`

  if (await network.isBlocked(ipKey)) throw new ThrottledError(await network.availableIn(ipKey))
  if (await source.isBlocked(sourceKey)) throw new ThrottledError(await source.availableIn(sourceKey))
  const needsCode = (await account.remaining(accountKey)) <= 0

  let user: User
  try {
    user = await User.verifyCredentials(phone, password)
  } catch {
    await account.increment(accountKey)
    const byNetwork = await network.increment(ipKey)
    if (byNetwork.consumed >= byNetwork.limit) await network.block(ipKey, network.blockDuration)
    const here = await source.increment(sourceKey)
    if (here.consumed >= here.limit) {
      await source.block(sourceKey, source.blockDuration)
      await auditLockout(phone, ip)
      throw new ThrottledError(await source.availableIn(sourceKey))
    }
    throw new BadCredentialsError()
  }

  if (needsCode) {
    if (!code) throw new CodeRequiredError()
    const verdict = await db.transaction((trx) => consumeSmsCode(trx, phone, 'login', code))
    if (verdict !== 'ok') throw new SmsCodeRejected(verdict)
    await account.delete(accountKey)
  }
  await source.delete(sourceKey)
  user.lastLoginAt = DateTime.now()
  await user.save()
  return user
}

/** A place locked out of an account: audited against the account, so admins see and count them. */
async function auditLockout(phone: string, ip: string) {
  const user = await User.findBy('phone', phone)
  if (!user) return
  await db.transaction((trx) =>
    audit(trx, { actor: null, action: 'account.login_locked', subjectType: 'user', subjectId: user.id, countyCode: user.countyCode, ip })
  )
}
