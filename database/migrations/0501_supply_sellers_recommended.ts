import { BaseSchema } from '@adonisjs/lucid/schema'

/** A centre marks a selected seller as recommended for a season (春 夏 秋 冬): listed first in that season. */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('supply_sellers', (table) => {
      table.string('recommended_season', 6).nullable()
    })
  }

  async down() {
    this.schema.alterTable('supply_sellers', (table) => {
      table.dropColumn('recommended_season')
    })
  }
}
