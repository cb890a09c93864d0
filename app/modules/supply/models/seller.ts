import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Season } from '#core/seasons'

export const SELLER_KINDS = ['products', 'materials'] as const
/** 农产品 (what farms sell) or 农资 (seed, fertiliser, feed, machinery farms buy). */
export type SellerKind = (typeof SELLER_KINDS)[number]

export const SELLER_STATUSES = ['proposed', 'selected', 'removed'] as const
export type SellerStatus = (typeof SELLER_STATUSES)[number]

/** 电商: an e-commerce seller a centre vouches for; listed publicly only once selected. */
export default class Seller extends BaseModel {
  static table = 'supply_sellers'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare proposedById: number | null

  @column()
  declare name: string

  @column()
  declare kind: SellerKind

  @column()
  declare countyCode: string

  @column()
  declare industries: string[]

  @column()
  declare products: string

  @column()
  declare shopUrls: string[]

  @column()
  declare wechatId: string | null

  @column()
  declare phone: string | null

  @column()
  declare licenceNumber: string | null

  @column()
  declare status: SellerStatus

  @column()
  declare flagged: boolean

  @column()
  declare removalReason: string | null

  /** Recommended by the centre for this season (null: not recommended). */
  @column()
  declare recommendedSeason: Season | null

  @column()
  declare reviewedById: number | null

  @column.dateTime()
  declare reviewedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
