import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type ClaimStatus = 'waiting' | 'chosen' | 'not_chosen'

/** 抢单: a qualified expert's grab of a bounty, with a short proposal. */
export default class BountyClaim extends BaseModel {
  static table = 'achievements_bounty_claims'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare bountyId: number

  @column()
  declare expertUserId: number

  @column()
  declare proposal: string

  @column()
  declare status: ClaimStatus

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
