import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One of Sichuan's "10+3" modern agriculture industries. */
export default class Industry extends BaseModel {
  static table = 'industries'
  static primaryKey = 'code'
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare code: string

  @column()
  declare name: string

  @column()
  declare industryGroup: '10' | '3'

  @column()
  declare position: number
}
