import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { ConsultationState } from '#modules/experts/shared/consultation_states'

/** One step of a case's history: who, when, from which state to which, and why. */
export default class ConsultationEvent extends BaseModel {
  static table = 'experts_consultation_events'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare consultationId: number

  @column()
  declare actorId: number | null

  @column()
  declare actorRole: string | null

  @column()
  declare kind: string

  @column()
  declare fromState: ConsultationState | null

  @column()
  declare toState: ConsultationState | null

  @column()
  declare expertId: number | null

  @column()
  declare reason: string | null

  @column.dateTime()
  declare createdAt: DateTime
}
