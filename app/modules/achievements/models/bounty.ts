import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import BountyClaim from '#modules/achievements/models/bounty_claim'
import type { AwardMode, BountyStatus } from '#modules/achievements/bounties/bounty_states'

/** 榜单: a market entity's paid need on the board 你发榜我抢单. */
export default class Bounty extends BaseModel {
  static table = 'achievements_bounties'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ownerId: number

  @column()
  declare title: string

  @column()
  declare description: string

  @column()
  declare industry: string

  @column()
  declare countyCode: string

  @column()
  declare budgetMinFen: number | null

  @column()
  declare budgetMaxFen: number | null

  @column.date()
  declare deadline: DateTime

  @column()
  declare awardMode: AwardMode

  @column()
  declare status: BountyStatus

  @column()
  declare held: boolean

  @column()
  declare claimId: number | null

  @column()
  declare ownerFeeFen: number | null

  @column()
  declare expertFeeFen: number | null

  @column()
  declare feeMismatch: boolean

  /** The owner's rating of the expert (1–5). */
  @column()
  declare ownerRating: number | null

  /** The expert's rating of the owner (1–5). */
  @column()
  declare expertRating: number | null

  @column()
  declare cancelReason: string | null

  @hasMany(() => BountyClaim, { foreignKey: 'bountyId' })
  declare claims: HasMany<typeof BountyClaim>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
