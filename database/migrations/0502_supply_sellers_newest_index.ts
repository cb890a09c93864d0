import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The public seller list without a region filter walks selected sellers newest first: the
 * county-prefixed index cannot give that order, so at 20,000 sellers Postgres sorted them all.
 * The first page's 本季推荐 reads the few recommended sellers of the season by their own index
 * (without it a season with no recommendation walked every selected seller).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE INDEX supply_sellers_selected_newest ON supply_sellers (id DESC) WHERE status = 'selected'`)
    this.schema.raw(
      `CREATE INDEX supply_sellers_recommended ON supply_sellers (recommended_season, id DESC) WHERE status = 'selected' AND recommended_season IS NOT NULL`
    )
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS supply_sellers_recommended')
    this.schema.raw('DROP INDEX IF EXISTS supply_sellers_selected_newest')
  }
}
