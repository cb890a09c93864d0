import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** What a code is for: signing up, resetting a password, or a login the account's attack counter asks a code for. */
export const SMS_CODE_PURPOSES = ['signup', 'reset_password', 'login'] as const
export type SmsCodePurpose = (typeof SMS_CODE_PURPOSES)[number]

export default class SmsCode extends BaseModel {
  static table = 'sms_codes'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare phone: string

  @column()
  declare purpose: SmsCodePurpose

  @column({ serializeAs: null })
  declare codeHash: string

  @column()
  declare failedAttempts: number

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare consumedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
