import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { ListingKind, ListingStatus } from '#modules/achievements/shared/vocabulary'

/** 技术需求: what a market entity (enterprise, cooperative, large grower, government) needs solved. */
export default class TechDemand extends BaseModel {
  static table = 'achievements_tech_demands'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ownerId: number

  @column()
  declare kind: ListingKind

  @column()
  declare title: string

  @column()
  declare description: string

  @column()
  declare industries: string[]

  @column()
  declare countyCode: string

  @column()
  declare budgetMinFen: number | null

  @column()
  declare budgetMaxFen: number | null

  @column.date()
  declare deadline: DateTime | null

  @column()
  declare status: ListingStatus

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
