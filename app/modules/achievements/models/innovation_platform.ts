import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export const PLATFORM_KINDS = ['star_space', 'science_park', 'maker_space', 'incubator'] as const
export type PlatformKind = (typeof PLATFORM_KINDS)[number]

/** 国家级, 省级, 市级, 县级 */
export const PLATFORM_LEVELS = ['national', 'province', 'city', 'county'] as const
export type PlatformLevel = (typeof PLATFORM_LEVELS)[number]

/** 双创平台: a 星创天地, 农业科技园区, 众创空间 or 孵化器 of a county. */
export default class InnovationPlatform extends BaseModel {
  static table = 'achievements_platforms'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column()
  declare kind: PlatformKind

  @column()
  declare level: PlatformLevel

  @column()
  declare countyCode: string

  @column()
  declare address: string

  @column()
  declare services: string

  @column()
  declare contact: string

  @column()
  declare createdBy: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
