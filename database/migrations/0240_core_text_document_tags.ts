import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Filter labels for directory search (search() in app/core/text/documents.ts): a
 * directory needs filters the index row has no column for — every industry of an
 * expert, not just the main one, and the expert's level. Labels such as
 * 'industry:pig' or 'level:county' cover them all with one GIN index.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('text_documents', (table) => {
      table.specificType('tags', 'text[]').notNullable().defaultTo('{}')
    })
    this.schema.raw(`UPDATE text_documents SET tags = ARRAY['industry:' || industry_code] WHERE industry_code IS NOT NULL`)
    this.schema.raw('CREATE INDEX text_documents_tags ON text_documents USING gin (tags)')
  }

  async down() {
    this.schema.alterTable('text_documents', (table) => {
      table.dropColumn('tags')
    })
  }
}
