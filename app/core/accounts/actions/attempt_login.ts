import { DateTime } from 'luxon'
import limiter from '@adonisjs/limiter/services/main'
import User from '#core/accounts/models/user'
import { ThrottledError } from '#core/accounts/sms_codes'

export class BadCredentialsError extends Error {}

const byAccount = () => limiter.use({ requests: 5, duration: '15 min', blockDuration: '15 min' })
const byIp = () => limiter.use({ requests: 30, duration: '15 min', blockDuration: '15 min' })

/**
 * Password check with lockout: 5 failures lock the account for 15 minutes; 30 from
 * one IP lock the IP (a guesser walking through many phones). Success clears the
 * account's counter.
 */
export async function attemptLogin(phone: string, password: string, ip: string): Promise<User> {
  const account = byAccount()
  const network = byIp()
  const accountKey = `login:phone:${phone}`
  const ipKey = `login:ip:${ip}`

  if (await network.isBlocked(ipKey)) throw new ThrottledError(await network.availableIn(ipKey))

  const [throttled, user] = await account.penalize(accountKey, async () => {
    try {
      return await User.verifyCredentials(phone, password)
    } catch (error) {
      const counted = await network.increment(ipKey)
      if (counted.consumed >= counted.limit) await network.block(ipKey, network.blockDuration)
      throw error
    }
  }).catch(async () => {
    if (await account.isBlocked(accountKey)) throw new ThrottledError(await account.availableIn(accountKey))
    throw new BadCredentialsError()
  })
  if (throttled) throw new ThrottledError(throttled.response.availableIn)

  user.lastLoginAt = DateTime.now()
  await user.save()
  return user
}
