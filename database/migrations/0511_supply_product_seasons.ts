import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A product's season becomes structured (#core/seasons): the farming seasons it is on offer
 * in (none: 常年有货, all year), so a county's "now in season" list is a query, not a guess
 * over free text. The county is kept on the product too (in step with its shop), so that
 * list reads a county's products newest first straight off one partial index.
 * Free text already stored is read once for 春/夏/秋/冬 and dropped.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('supply_shop_products', (table) => {
      table.specificType('seasons', 'text[]').notNullable().defaultTo('{}')
      table.string('county_code', 6).nullable()
    })
    this.defer(async (db) => {
      await db.rawQuery(`
        UPDATE supply_shop_products SET seasons = ARRAY(
          SELECT s FROM (VALUES ('spring', '春'), ('summer', '夏'), ('autumn', '秋'), ('winter', '冬')) AS m(s, word)
          WHERE position(word IN season) > 0)`)
      await db.rawQuery(`UPDATE supply_shop_products p SET county_code = s.county_code FROM supply_micro_shops s WHERE s.id = p.shop_id`)
    })
    this.schema.alterTable('supply_shop_products', (table) => {
      table.dropColumn('season')
    })
    this.schema.raw('ALTER TABLE supply_shop_products ALTER COLUMN county_code SET NOT NULL')
    this.schema.raw('CREATE INDEX supply_shop_products_on_offer ON supply_shop_products (county_code text_pattern_ops, id DESC) WHERE NOT held AND NOT sold_out')
  }

  async down() {
    this.schema.raw('DROP INDEX supply_shop_products_on_offer')
    this.schema.alterTable('supply_shop_products', (table) => {
      table.string('season', 30).notNullable().defaultTo('')
      table.dropColumn('county_code')
      table.dropColumn('seasons')
    })
  }
}
