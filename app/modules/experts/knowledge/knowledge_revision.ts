import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#core/accounts/models/user'

export type RevisionKind = 'created' | 'edited' | 'withdrawn' | 'merged' | 'photos'

/** One version of an entry's wording: who wrote it (none for the platform's first) and when. */
export default class KnowledgeRevision extends BaseModel {
  static table = 'experts_knowledge_revisions'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare entryId: number

  @column()
  declare editorId: number | null

  @column()
  declare kind: RevisionKind

  @column()
  declare title: string

  @column()
  declare problem: string

  @column()
  declare answer: string

  @column()
  declare reason: string | null

  @column.dateTime()
  declare createdAt: DateTime

  @belongsTo(() => User, { foreignKey: 'editorId' })
  declare editor: BelongsTo<typeof User>
}
