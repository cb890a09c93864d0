import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { ModeratedModule, WordAction, WordCategory } from '#core/moderation/vocabulary'

/** One entry of the sensitive-word list (managed by platform admins). */
export class ModerationWord extends BaseModel {
  static table = 'moderation_words'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare word: string

  @column()
  declare normalized: string

  @column()
  declare category: WordCategory

  @column()
  declare action: WordAction

  @column()
  declare createdById: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}

/** The current state of one module's breaker for one region scope. */
export class CircuitBreaker extends BaseModel {
  static table = 'moderation_breakers'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare module: ModeratedModule

  @column()
  declare scope: string

  @column()
  declare tripped: boolean

  @column()
  declare automatic: boolean

  @column()
  declare reason: string

  @column()
  declare changedById: number | null

  @column.dateTime()
  declare trippedAt: DateTime | null

  @column.dateTime()
  declare updatedAt: DateTime
}

export type ReviewStatus = 'pending' | 'approved' | 'rejected'

/** A held piece of dynamic content waiting for (or past) a reviewer's decision. */
export class ReviewItem extends BaseModel {
  static table = 'moderation_reviews'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare module: ModeratedModule

  @column()
  declare subjectType: string

  @column({ consume: (value) => Number(value) })
  declare subjectId: number

  @column()
  declare countyCode: string | null

  @column()
  declare text: string

  @column()
  declare categories: WordCategory[]

  @column()
  declare flagged: boolean

  @column()
  declare status: ReviewStatus

  @column()
  declare decidedById: number | null

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column()
  declare decisionReason: string | null

  @column.dateTime()
  declare createdAt: DateTime
}
