import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type RenditionStatus = 'pending' | 'ready' | 'unavailable'

/**
 * 特派员讲堂: an expert's lecture, a video (with its low-bitrate rendition for slow networks)
 * or slides (a PDF, with one image per page for phones). `rendition` is the state of that
 * phone version.
 */
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

  /** The video, or null for slides. */
  @column()
  declare videoId: number | null

  /** The slides' PDF, or null for a video. */
  @column()
  declare slidesId: number | null

  /** Slide images made from the PDF (0 until the job ran). */
  @column()
  declare pageCount: number

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
