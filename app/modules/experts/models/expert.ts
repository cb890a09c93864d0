import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import { withReviewColumns } from '#core/database/model_mixins'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#core/accounts/models/user'
import type { ExpertLevel } from '#modules/experts/shared/consultation_states'

export type ExpertStatus = 'pending' | 'verified' | 'rejected'

/** 科技特派员: a user's expert profile, verified by centre staff of its county's scope. */
export default class Expert extends compose(BaseModel, withReviewColumns) {
  static table = 'experts_profiles'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare organization: string

  @column()
  declare title: string

  @column()
  declare level: ExpertLevel

  @column()
  declare countyCode: string

  @column()
  declare industries: string[]

  @column()
  declare specialties: string

  @column()
  declare bio: string

  @column()
  declare photoId: number | null

  @column()
  declare status: ExpertStatus

  @column()
  declare onDuty: boolean

  @column.date()
  declare awayUntil: DateTime | null

  @column()
  declare maxOpenCases: number

  @column()
  declare openCases: number

  @column.dateTime()
  declare lastAssignedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
