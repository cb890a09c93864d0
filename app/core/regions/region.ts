import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { withCodeAndName } from '#core/database/model_mixins'

export type RegionLevel = 'province' | 'city' | 'county'

export default class Region extends compose(BaseModel, withCodeAndName) {
  static table = 'regions'

  @column()
  declare level: RegionLevel

  @column()
  declare parentCode: string | null
}
