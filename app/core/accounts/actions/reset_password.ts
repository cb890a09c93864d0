import db from '@adonisjs/lucid/services/db'
import User from '#core/accounts/models/user'
import { consumeSmsCode, SmsCodeRejected } from '#core/accounts/sms_codes'
import { audit } from '#core/audit/audit'
import { signOutEverywhere } from '#core/accounts/sessions'

/** Sets a new password for the phone's account once its SMS code checks out, and ends all its sessions. */
export async function resetPassword(input: { phone: string; code: string; password: string; ip: string }): Promise<User> {
  const result = await db.transaction(async (trx) => {
    const verdict = await consumeSmsCode(trx, input.phone, 'reset_password', input.code)
    if (verdict !== 'ok') return verdict
    const user = await User.query({ client: trx }).where('phone', input.phone).first()
    // A code is only ever sent to registered phones, so a valid code implies an account.
    if (!user) return 'missing' as const
    user.password = input.password
    await user.save()
    // Whoever had the old password (a lost or shared phone) is signed out with it.
    await signOutEverywhere(trx, user.id)
    await audit(trx, { actor: user, action: 'account.password_reset', subjectType: 'user', subjectId: user.id, countyCode: user.countyCode, ip: input.ip })
    return user
  })
  if (typeof result === 'string') throw new SmsCodeRejected(result)
  return result
}
