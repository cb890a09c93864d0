import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type KnowledgeState = 'published' | 'withdrawn' | 'merged'

/** 农技知识库 entry: a validated case's question and answer, masked, for the public. */
export default class KnowledgeEntry extends BaseModel {
  static table = 'experts_knowledge_entries'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare consultationId: number

  @column()
  declare industryCode: string

  @column()
  declare countyCode: string

  @column()
  declare cityCode: string

  @column()
  declare title: string

  @column()
  declare problem: string

  @column()
  declare answer: string

  @column()
  declare state: KnowledgeState

  @column()
  declare withdrawnReason: string | null

  @column()
  declare withdrawnBy: number | null

  @column.dateTime()
  declare withdrawnAt: DateTime | null

  /** The entry a duplicate was merged into: its address redirects there. */
  @column()
  declare mergedIntoId: number | null

  @column.dateTime()
  declare validatedAt: DateTime

  @column.dateTime()
  declare createdAt: DateTime

  @column.dateTime()
  declare updatedAt: DateTime
}
