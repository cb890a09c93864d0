import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type RenditionStatus = 'pending' | 'ready' | 'unavailable'

/** 特派员讲堂: an expert's lecture video, with its low-bitrate rendition for slow networks. */
export default class Lecture extends BaseModel {
  static table = 'achievements_lectures'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare expertUserId: number

  @column()
  declare title: string

  @column()
  declare summary: string

  @column()
  declare industry: string

  @column()
  declare videoId: number

  @column()
  declare renditionId: number | null

  @column()
  declare rendition: RenditionStatus

  @column()
  declare views: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
