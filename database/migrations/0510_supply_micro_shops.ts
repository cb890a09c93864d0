import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 农户微商 (issue 16 §2): one micro-shop per farmer or cooperative account, its products
 * with photos (media rows whose subject is the product), unit, price range in fen, season,
 * stock note and a sold-out toggle. `held`: content safety (or a breaker over the county)
 * holds the text for the centre's review queue; held content is not public.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('supply_micro_shops', (table) => {
      table.bigIncrements('id')
      table.bigInteger('owner_id').notNullable().unique().references('id').inTable('users').onDelete('CASCADE')
      table.string('name', 40).notNullable()
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.specificType('industries', 'text[]').notNullable()
      table.text('intro').notNullable().defaultTo('')
      table.string('wechat_id', 20).nullable()
      table.string('phone', 13).nullable()
      table.string('shop_url', 200).nullable()
      table.boolean('held').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw('CREATE INDEX supply_micro_shops_public ON supply_micro_shops (county_code text_pattern_ops, id DESC) WHERE NOT held')
    this.schema.createTable('supply_shop_products', (table) => {
      table.bigIncrements('id')
      table.bigInteger('shop_id').notNullable().references('id').inTable('supply_micro_shops').onDelete('CASCADE')
      table.string('name', 40).notNullable()
      table.string('unit', 10).notNullable()
      table.integer('price_from_fen').notNullable()
      table.integer('price_to_fen').nullable()
      table.string('season', 30).notNullable().defaultTo('')
      table.string('stock_note', 60).notNullable().defaultTo('')
      table.boolean('sold_out').notNullable().defaultTo(false)
      table.boolean('held').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['shop_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('supply_shop_products')
    this.schema.dropTable('supply_micro_shops')
  }
}
