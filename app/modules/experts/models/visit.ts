import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'

export const VISIT_STATUSES = ['requested', 'dispatched', 'visited', 'cancelled'] as const
export type VisitStatus = (typeof VISIT_STATUSES)[number]

/** 上门服务: an expert sent to the farm by the county centre (DESIGN §4, plan 五(三)1). */
export default class Visit extends BaseModel {
  static table = 'experts_visits'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare consultationId: number

  @column()
  declare countyCode: string

  @column()
  declare requestedById: number

  @column()
  declare requestedByRole: 'reporter' | 'expert'

  @column()
  declare reason: string

  @column()
  declare status: VisitStatus

  @column()
  declare expertId: number | null

  @column.date()
  declare scheduledOn: DateTime | null

  @column()
  declare place: string | null

  @column()
  declare dispatchedById: number | null

  @column.dateTime()
  declare dispatchedAt: DateTime | null

  @column()
  declare rescheduleReason: string | null

  @column()
  declare rescheduleCount: number

  @column()
  declare outcome: string | null

  @column.dateTime()
  declare visitedAt: DateTime | null

  /** 分 (fen): amounts are integers end to end. */
  @column()
  declare travelCostFen: number | null

  @column()
  declare costConfirmedById: number | null

  @column.dateTime()
  declare costConfirmedAt: DateTime | null

  @column()
  declare cancelReason: string | null

  @column()
  declare cancelledById: number | null

  @column.dateTime()
  declare cancelledAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Consultation)
  declare consultation: BelongsTo<typeof Consultation>

  @belongsTo(() => Expert)
  declare expert: BelongsTo<typeof Expert>

  get isLive() {
    return this.status === 'requested' || this.status === 'dispatched'
  }
}
