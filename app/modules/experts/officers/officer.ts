import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import { withReviewColumns } from '#core/database/model_mixins'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#core/accounts/models/user'
import type { ExpertStatus } from '#modules/experts/models/expert'

/** The groups plan 五(一)1 recruits 信息员 from, and 其他 (with the person's own words). */
export const OFFICER_GROUPS = ['township_technician', 'new_entity_technician', 'returnee', 'veteran', 'village_cadre', 'teacher', 'village_doctor', 'other'] as const
export type OfficerGroup = (typeof OFFICER_GROUPS)[number]

/** 信息员: a person's application for a village of their county, verified by the county centre (the states of expert applications). */
export default class Officer extends compose(BaseModel, withReviewColumns) {
  static table = 'experts_officers'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare countyCode: string

  @column()
  declare villageCode: string

  @column()
  declare group: OfficerGroup

  @column()
  declare groupOther: string | null

  @column()
  declare organization: string

  @column()
  declare statement: string

  @column()
  declare status: ExpertStatus

  @column.dateTime()
  declare lastReportedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
