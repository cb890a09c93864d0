import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { withCodeAndName } from '#core/database/model_mixins'

/** One of Sichuan's "10+3" modern agriculture industries. */
export default class Industry extends compose(BaseModel, withCodeAndName) {
  static table = 'industries'

  @column()
  declare industryGroup: '10' | '3'

  @column()
  declare position: number
}
