import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The knowledge list's search goes through the text engine's index of the entries
 * (knowledge_queries.ts). Like the expert directory (0311), the entries get a partial GIN
 * index of their own: the shared one holds a million cases, and finding 1.5 k entries among
 * the cases that share a word took 250 ms. The trigram index of 0370 goes: pg_trgm sees no
 * trigrams in Han text under the cluster's C locale, so it never served the search, and every
 * write paid for it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('DROP INDEX IF EXISTS experts_knowledge_entries_search')
    this.schema.raw(`CREATE INDEX text_documents_knowledge_search ON text_documents USING gin (search_vector) WHERE source_type = 'knowledge'`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS text_documents_knowledge_search')
    this.schema.raw(`CREATE INDEX experts_knowledge_entries_search ON experts_knowledge_entries
      USING gin ((title || ' ' || problem || ' ' || answer) gin_trgm_ops) WHERE state = 'published'`)
  }
}
