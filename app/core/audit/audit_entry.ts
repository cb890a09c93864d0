import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type AuditChanges = Record<string, { old: unknown; new: unknown }>

/** One row of the append-only audit log (the database refuses updates and deletes). */
export default class AuditEntry extends BaseModel {
  static table = 'audit_log'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare actorId: number | null

  @column()
  declare actorRole: string | null

  @column()
  declare action: string

  @column()
  declare subjectType: string

  @column()
  declare subjectId: string | null

  @column()
  declare countyCode: string | null

  @column()
  declare ip: string | null

  @column()
  declare changes: AuditChanges | null

  @column.dateTime()
  declare createdAt: DateTime
}
