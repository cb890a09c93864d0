import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { withListingColumns } from '#modules/achievements/shared/listing_columns'

/** 技术需求: what a market entity (enterprise, cooperative, large grower, government) needs solved. */
export default class TechDemand extends compose(BaseModel, withListingColumns) {
  static table = 'achievements_tech_demands'

  @column()
  declare budgetMinFen: number | null

  @column()
  declare budgetMaxFen: number | null

  @column.date()
  declare deadline: DateTime | null
}
