import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Moderation } from '#modules/experts/shared/consultation_states'

export type MessageAuthorRole = 'reporter' | 'expert' | 'staff'
export type MessageKind = 'message' | 'answer' | 'question'

/** A message on a case's conversation between reporter and expert. */
export default class ConsultationMessage extends BaseModel {
  static table = 'experts_messages'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare consultationId: number

  @column()
  declare authorId: number | null

  @column()
  declare authorRole: MessageAuthorRole

  @column()
  declare kind: MessageKind

  @column()
  declare body: string

  @column()
  declare moderation: Moderation

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
