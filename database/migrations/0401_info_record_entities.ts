import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 龙头企业 and 技术依托单位 records name one organisation with structured fields (issue 15
 * §1): its name, 统一社会信用代码, county, products or fields, and a public contact. Other
 * kinds leave them empty.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('info_records', (table) => {
      table.string('entity_name', 80).nullable()
      table.string('credit_code', 18).nullable()
      table.string('entity_county_code', 6).nullable().references('code').inTable('regions')
      table.string('entity_products', 200).nullable()
      table.string('entity_contact', 60).nullable()
    })
    this.schema.raw(`ALTER TABLE info_records ADD CONSTRAINT info_records_entity CHECK (kind NOT IN ('leading_enterprise', 'support_unit') OR (entity_name IS NOT NULL AND credit_code IS NOT NULL))`)
  }

  async down() {
    this.schema.raw('ALTER TABLE info_records DROP CONSTRAINT IF EXISTS info_records_entity')
    this.schema.alterTable('info_records', (table) => {
      table.dropColumns('entity_name', 'credit_code', 'entity_county_code', 'entity_products', 'entity_contact')
    })
  }
}
