import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

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

  @column()
  declare season: string

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
