import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { withListingColumns } from '#modules/achievements/shared/listing_columns'
import type { IpStatus, Maturity } from '#modules/achievements/shared/vocabulary'

/** 成果供给: a variety, technology, equipment, patent or service an expert or research unit offers. */
export default class TechOffer extends compose(BaseModel, withListingColumns) {
  static table = 'achievements_tech_offers'

  @column()
  declare maturity: Maturity

  @column()
  declare ipStatus: IpStatus

  @column()
  declare patentNumber: string | null
}
