import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 相关信息 beyond the records: each published record's nearest knowledge entries and solved
 * cases (找类似 through experts' public.ts), stored as their index documents so the record
 * page reads them with one indexed join; a document that leaves the index (an entry
 * withdrawn) takes its links with it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('info_record_solved_links', (table) => {
      table.bigInteger('record_id').notNullable().references('id').inTable('info_records').onDelete('CASCADE')
      table.bigInteger('document_id').notNullable().references('id').inTable('text_documents').onDelete('CASCADE')
      table.float('score').notNullable()
      table.primary(['record_id', 'document_id'])
    })
    this.schema.raw('CREATE INDEX info_record_solved_links_document ON info_record_solved_links (document_id)')
  }

  async down() {
    this.schema.dropTable('info_record_solved_links')
  }
}
