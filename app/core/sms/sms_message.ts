import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class SmsMessage extends BaseModel {
  static table = 'sms_messages'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare phone: string

  @column()
  declare template: string

  @column()
  declare driver: string

  @column()
  declare body: string | null

  @column()
  declare status: 'sent' | 'failed'

  @column()
  declare error: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
