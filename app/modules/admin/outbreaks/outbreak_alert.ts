import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type OutbreakStatus = 'open' | 'confirmed' | 'dismissed'

/** 疫情预警: a county's cluster of similar consultations above its seasonal baseline. */
export default class OutbreakAlert extends BaseModel {
  static table = 'admin_outbreak_alerts'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare countyCode: string

  @column()
  declare industryCode: string

  @column()
  declare terms: string[]

  /** The cluster's consultations, oldest first (pg returns bigint[] as strings). */
  @column({ consume: (value: string[]) => value.map(Number) })
  declare caseIds: number[]

  @column()
  declare excerpts: string[]

  @column()
  declare caseCount: number

  @column()
  declare earlierCounts: number[]

  @column()
  declare baseline: number

  @column.dateTime()
  declare windowFrom: DateTime

  @column.dateTime()
  declare windowTo: DateTime

  @column()
  declare status: OutbreakStatus

  @column()
  declare dismissReason: string | null

  @column()
  declare expertsTold: number | null

  @column()
  declare decidedBy: number | null

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
