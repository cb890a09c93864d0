import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { IpStatus, ListingKind, ListingStatus, Maturity } from '#modules/achievements/shared/vocabulary'

/** 成果供给: a variety, technology, equipment, patent or service an expert or research unit offers. */
export default class TechOffer extends BaseModel {
  static table = 'achievements_tech_offers'

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
  declare maturity: Maturity

  @column()
  declare ipStatus: IpStatus

  @column()
  declare patentNumber: string | null

  @column()
  declare status: ListingStatus

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
