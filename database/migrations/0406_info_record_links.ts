import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 相关信息: each published record's nearest published records by the text engine (same
 * industry, overlapping region, similar text), stored so the record page reads them with
 * one indexed query; a job refreshes them when records are published or withdrawn.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('info_record_links', (table) => {
      table.bigInteger('record_id').notNullable().references('id').inTable('info_records').onDelete('CASCADE')
      table.bigInteger('linked_id').notNullable().references('id').inTable('info_records').onDelete('CASCADE')
      table.float('score').notNullable()
      table.primary(['record_id', 'linked_id'])
    })
    this.schema.raw('CREATE INDEX info_record_links_linked ON info_record_links (linked_id)')
  }

  async down() {
    this.schema.dropTable('info_record_links')
  }
}
