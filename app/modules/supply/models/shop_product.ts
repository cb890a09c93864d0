import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Season } from '#core/seasons'

/** A product of a micro-shop; prices are integer fen (#core/money), a range when price_to_fen is set. */
export default class ShopProduct extends BaseModel {
  static table = 'supply_shop_products'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare shopId: number

  @column()
  declare name: string

  @column()
  declare unit: string

  @column()
  declare priceFromFen: number

  @column()
  declare priceToFen: number | null

  /** The farming seasons it is on offer in; none: all year (常年有货). */
  @column()
  declare seasons: Season[]

  /** The shop's county, kept in step with it (the "now in season" list reads products by county). */
  @column()
  declare countyCode: string

  @column()
  declare stockNote: string

  @column()
  declare soldOut: boolean

  @column()
  declare held: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
