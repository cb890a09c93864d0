import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import User from '#core/accounts/models/user'
import Expert from '#modules/experts/models/expert'
import ConsultationEvent from '#modules/experts/models/consultation_event'
import ConsultationMessage from '#modules/experts/models/consultation_message'
import type { ConsultationState, Moderation, TriageLevel } from '#modules/experts/shared/consultation_states'

/** 需求 / 咨询: a farmer's production problem on its way to an expert (DESIGN §4). */
export default class Consultation extends BaseModel {
  static table = 'experts_consultations'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare reporterId: number

  @column()
  declare farmerName: string | null

  @column()
  declare farmerPhone: string | null

  @column()
  declare addressedExpertId: number | null

  @column()
  declare industryCode: string

  @column()
  declare countyCode: string

  /** The reporting 信息员's village when the case was reported (null for anyone else). */
  @column()
  declare villageCode: string | null

  @column()
  declare text: string

  @column()
  declare state: ConsultationState

  @column()
  declare moderation: Moderation

  @column()
  declare expertId: number | null

  @column()
  declare triageLevel: TriageLevel | null

  @column.dateTime()
  declare triageDueAt: DateTime | null

  @column.dateTime()
  declare assignedAt: DateTime | null

  @column.dateTime()
  declare responseDueAt: DateTime | null

  @column.dateTime()
  declare firstResponseAt: DateTime | null

  @column.dateTime()
  declare answeredAt: DateTime | null

  @column.dateTime()
  declare lastMessageAt: DateTime | null

  @column.dateTime()
  declare closedAt: DateTime | null

  /** SMS links to the farmer issued until then no longer open (the holder ended them). */
  @column.dateTime()
  declare farmerLinkEndedAt: DateTime | null

  /** The same for the expert's links. */
  @column.dateTime()
  declare expertLinkEndedAt: DateTime | null

  @column.dateTime()
  declare followupDueAt: DateTime | null

  @column()
  declare similarDocumentId: number | null

  @column()
  declare rating: number | null

  @column()
  declare ratingComment: string | null

  @column()
  declare idempotencyKey: string | null

  /** Asked at report time: once the 回访 rules the service valid, the masked Q&A may go to 农技知识库. */
  @column()
  declare knowledgeConsent: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => User, { foreignKey: 'reporterId' })
  declare reporter: BelongsTo<typeof User>

  @belongsTo(() => Expert)
  declare expert: BelongsTo<typeof Expert>

  @hasMany(() => ConsultationEvent)
  declare events: HasMany<typeof ConsultationEvent>

  @hasMany(() => ConsultationMessage)
  declare messages: HasMany<typeof ConsultationMessage>
}
