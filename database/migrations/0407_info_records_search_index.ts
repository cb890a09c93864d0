import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * /info's free-text search goes through the text engine's index of published records
 * (source info_record). Like the expert directory (0311) and the knowledge base (0372),
 * the records get a partial GIN index of their own: on the shared index, a common word
 * ("冷链", "粮油") meant a bitmap AND of tens of thousands of entries of every source with
 * the source-type index before the 1 500 candidates could be ranked (≈ 50 ms in SQL alone
 * at 42 k published records beside a million cases).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE INDEX text_documents_info_record_search ON text_documents USING gin (search_vector) WHERE source_type = 'info_record'`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS text_documents_info_record_search')
  }
}
