import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import User from '#core/accounts/models/user'
import { cleanRichText, richTextToPlain } from '#core/http/rich_text'
import type { Checklist, RecordCategory, RecordKind, RecordStatus } from '#modules/info/shared/record_states'
import RecordEvent from '#modules/info/models/record_event'

/** 产业信息: one record of the four databases, public only once signed off. */
export default class IndustryRecord extends BaseModel {
  static table = 'info_records'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare kind: RecordKind

  @column()
  declare category: RecordCategory

  @column()
  declare industries: string[]

  @column()
  declare regionCode: string

  @column()
  declare title: string

  @column()
  declare summary: string

  /**
   * Rich text in the safe subset (#core/http/rich_text), cleaned whenever the model saves
   * it (the form's validator already did; seeders, factories and copies too), so the page
   * renders it as stored.
   */
  @column({ prepare: (value: string) => cleanRichText(value) })
  declare body: string

  @column()
  declare ipOwner: string

  @column()
  declare source: string

  @column.date()
  declare validFrom: DateTime

  @column.date()
  declare validTo: DateTime | null

  /** 龙头企业 and 技术依托单位: the organisation the record is about (null for other kinds). */
  @column()
  declare entityName: string | null

  @column()
  declare creditCode: string | null

  @column()
  declare entityCountyCode: string | null

  @column()
  declare entityProducts: string | null

  @column()
  declare entityContact: string | null

  @column()
  declare status: RecordStatus

  /** The published record this one corrects (a new version); null for a first version. */
  @column()
  declare revisesId: number | null

  @column()
  declare screenCategories: string[]

  @column()
  declare authorId: number

  @column()
  declare checklist: Checklist | null

  @column()
  declare reviewedById: number | null

  @column.dateTime()
  declare reviewedAt: DateTime | null

  @column()
  declare signedOffById: number | null

  @column.dateTime()
  declare publishedAt: DateTime | null

  @column()
  declare rejectionReason: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => User, { foreignKey: 'authorId' })
  declare author: BelongsTo<typeof User>

  @hasMany(() => RecordEvent, { foreignKey: 'recordId' })
  declare events: HasMany<typeof RecordEvent>

  /** The body's words without markup (the text index, content screening). */
  get bodyText(): string {
    return richTextToPlain(this.body)
  }
}
