import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#core/accounts/models/user'
import type { Checklist, EventAction, RecordStatus } from '#modules/info/shared/record_states'

/** One step of a record's history: who did what, from which status to which, and why. */
export default class RecordEvent extends BaseModel {
  static table = 'info_record_events'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare recordId: number

  @column()
  declare action: EventAction

  @column()
  declare actorId: number

  @column()
  declare actorRole: string | null

  @column()
  declare fromStatus: RecordStatus | null

  @column()
  declare toStatus: RecordStatus

  @column()
  declare reason: string | null

  @column()
  declare checklist: Checklist | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>
}
