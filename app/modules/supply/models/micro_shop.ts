import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import ShopProduct from '#modules/supply/models/shop_product'

/** 农户微商: a farmer's or cooperative's shop window pointing buyers to their own channels. */
export default class MicroShop extends BaseModel {
  static table = 'supply_micro_shops'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ownerId: number

  @column()
  declare name: string

  @column()
  declare countyCode: string

  @column()
  declare industries: string[]

  @column()
  declare intro: string

  @column()
  declare wechatId: string | null

  @column()
  declare phone: string | null

  @column()
  declare shopUrl: string | null

  @column()
  declare held: boolean

  @hasMany(() => ShopProduct, { foreignKey: 'shopId' })
  declare products: HasMany<typeof ShopProduct>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
