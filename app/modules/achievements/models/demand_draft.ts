import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type DraftStatus = 'proposed' | 'published' | 'dismissed'

/** A draft 技术需求 proposed to a county centre from a cluster of similar consultations. */
export default class DemandDraft extends BaseModel {
  static table = 'achievements_demand_drafts'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare countyCode: string

  @column()
  declare industry: string

  @column()
  declare title: string

  @column()
  declare description: string

  /** The consultations of the cluster, oldest first (pg returns bigint[] as strings). */
  @column({ consume: (value: string[]) => value.map(Number) })
  declare caseIds: number[]

  @column()
  declare unsolved: number

  @column()
  declare status: DraftStatus

  @column()
  declare demandId: number | null

  @column()
  declare decidedBy: number | null

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
