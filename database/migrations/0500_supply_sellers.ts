import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 电商 sellers (issue 16 §1): anyone proposes one, centre staff of its county's scope
 * select it (入选) or remove it with a reason, and only selected sellers are listed.
 * - the public list pages through selected sellers newest first, by county prefix,
 *   industry (GIN) and kind; a partial index keeps it to selected rows;
 * - the centres' queue reads one status inside a region scope.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('supply_sellers', (table) => {
      table.bigIncrements('id')
      table.bigInteger('proposed_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.string('name', 60).notNullable()
      table.string('kind', 12).notNullable()
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.specificType('industries', 'text[]').notNullable()
      table.text('products').notNullable()
      table.specificType('shop_urls', 'text[]').notNullable().defaultTo('{}')
      table.string('wechat_id', 20).nullable()
      table.string('phone', 13).nullable()
      table.string('licence_number', 18).nullable()
      table.string('status', 10).notNullable().defaultTo('proposed')
      // Content safety found listed words (or a breaker covers the county): the reviewer is warned.
      table.boolean('flagged').notNullable().defaultTo(false)
      table.text('removal_reason').nullable()
      table.bigInteger('reviewed_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('reviewed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`CREATE INDEX supply_sellers_selected ON supply_sellers (county_code text_pattern_ops, id DESC) WHERE status = 'selected'`)
    this.schema.raw(`CREATE INDEX supply_sellers_selected_industries ON supply_sellers USING gin (industries) WHERE status = 'selected'`)
    this.schema.raw('CREATE INDEX supply_sellers_review ON supply_sellers (status, county_code text_pattern_ops, id)')
  }

  async down() {
    this.schema.dropTable('supply_sellers')
  }
}
