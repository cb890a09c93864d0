import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#core/accounts/models/user'
import { consumeSmsCode, SmsCodeRejected } from '#core/accounts/sms_codes'

/**
 * 手机号 + 短信验证码: how farmers sign in. The code is the one /sms-codes texted for
 * 'login' (only to a registered phone); wrong guesses burn it after five, as for every
 * code. An unknown phone answers as a missing code: nobody learns who has an account.
 */
export async function loginWithCode(phone: string, code: string): Promise<User> {
  const verdict = await db.transaction((trx) => consumeSmsCode(trx, phone, 'login', code))
  if (verdict !== 'ok') throw new SmsCodeRejected(verdict)
  const user = await User.findBy('phone', phone)
  if (!user) throw new SmsCodeRejected('missing')
  user.lastLoginAt = DateTime.now()
  await user.save()
  return user
}
