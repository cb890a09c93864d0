import { BaseModel, column } from '@adonisjs/lucid/orm'

export type RegionLevel = 'province' | 'city' | 'county'

export default class Region extends BaseModel {
  static table = 'regions'
  static primaryKey = 'code'
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare code: string

  @column()
  declare name: string

  @column()
  declare level: RegionLevel

  @column()
  declare parentCode: string | null
}
