import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { SmsTemplate } from '#core/sms/templates'

/**
 * queued → sending → sent | failed (→ sending again on a retry). `refused` is final:
 * the message broke a platform rule (the per-phone daily cap) and was never sent.
 */
export type SmsStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'refused'

export default class SmsMessage extends BaseModel {
  static table = 'sms_messages'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare phone: string

  @column()
  declare template: SmsTemplate

  @column()
  declare driver: string

  @column()
  declare body: string | null

  /** Encrypted JSON; null once sent or refused. */
  @column({ serializeAs: null })
  declare variables: string | null

  @column()
  declare status: SmsStatus

  /** Why the last attempt failed, or why the message was refused. */
  @column()
  declare reason: string | null

  @column()
  declare attempts: number

  @column()
  declare providerRef: string | null

  @column.dateTime()
  declare lastAttemptAt: DateTime | null

  @column.dateTime()
  declare sentAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
