import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type MediaKind = 'photo' | 'video' | 'document'
export type MediaVisibility = 'public' | 'private'
/** `full`: the 1280 px WebP, the video or the document; `thumb`: the 320 px WebP (photos only). */
export type MediaVariant = 'full' | 'thumb'

/**
 * An uploaded photo, video or document (PDF/Office). The storage keys stay on the server: pages link to
 * /media/:publicId/:variant (see mediaUrl).
 */
export default class Media extends BaseModel {
  static table = 'media'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare publicId: string

  // pg returns bigint columns as strings.
  @column({ consume: Number })
  declare ownerId: number

  @column()
  declare kind: MediaKind

  @column()
  declare visibility: MediaVisibility

  @column()
  declare countyCode: string | null

  @column()
  declare subjectType: string | null

  @column({ consume: (value) => (value === null ? null : Number(value)) })
  declare subjectId: number | null

  @column()
  declare contentType: string

  @column({ serializeAs: null })
  declare storageKey: string

  @column({ consume: Number })
  declare size: number

  @column({ serializeAs: null })
  declare thumbKey: string | null

  @column()
  declare thumbSize: number | null

  @column()
  declare width: number | null

  @column()
  declare height: number | null

  /** A document's name as uploaded (cleaned): what its download is saved as. Null for photos and videos. */
  @column()
  declare fileName: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  /** Where a variant is served; a video has only `full`. */
  url(variant: MediaVariant = 'full'): string {
    return `/media/${this.publicId}/${variant}`
  }

  keyOf(variant: MediaVariant): string | null {
    return variant === 'thumb' ? this.thumbKey : this.storageKey
  }
}
