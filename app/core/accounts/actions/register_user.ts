import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { RuleError } from '#core/http/rule_error'
import User from '#core/accounts/models/user'
import RoleGrant from '#core/accounts/models/role_grant'
import { consumeSmsCode, SmsCodeRejected } from '#core/accounts/sms_codes'

interface Registration {
  phone: string
  code: string
  /** Without one, the account gets a random password nobody knows: SMS codes sign in, 找回密码 sets one. */
  password?: string
  name?: string | null
  countyCode?: string | null
}

/** A new account starts as a farmer; other roles are granted by an administrator. */
export async function registerUser(input: Registration): Promise<User> {
  const result = await db.transaction(async (trx) => {
    const verdict = await consumeSmsCode(trx, input.phone, 'signup', input.code)
    if (verdict !== 'ok') return verdict
    if (await User.query({ client: trx }).where('phone', input.phone).first()) return 'taken'

    const user = await User.create(
      { phone: input.phone, password: input.password ?? randomBytes(32).toString('base64url'), name: input.name ?? null, countyCode: input.countyCode ?? null },
      { client: trx }
    )
    await RoleGrant.create({ userId: user.id, role: 'farmer', scope: null }, { client: trx })
    return user
  })
  if (result === 'taken') throw new RuleError('accounts.phone_taken', 'phone')
  if (typeof result === 'string') throw new SmsCodeRejected(result)
  return result
}
