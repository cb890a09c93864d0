import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export const SERVICE_CATEGORIES = ['technical_guidance', 'diagnosis', 'onsite', 'policy', 'other'] as const
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]

/** One 回访 phone call about a closed case; the reached one carries the ruling. */
export default class FollowupCall extends BaseModel {
  static table = 'experts_followup_calls'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare consultationId: number

  @column()
  declare callerId: number

  @column()
  declare callerRole: string

  @column()
  declare reached: boolean

  @column()
  declare serviceValid: boolean | null

  @column()
  declare category: ServiceCategory | null

  @column()
  declare notes: string | null

  @column.dateTime()
  declare createdAt: DateTime
}
