import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type SmsCodePurpose = 'signup' | 'reset_password' | 'login'

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
