import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** 风采故事: the centre's story of a verified expert, shown on their showcase page with its photos. */
export default class ExpertStory extends BaseModel {
  static table = 'achievements_expert_stories'

  @column({ isPrimary: true })
  declare id: number

  @column({ consume: Number })
  declare expertId: number

  @column()
  declare title: string

  @column()
  declare body: string

  @column()
  declare writtenBy: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
