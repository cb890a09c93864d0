import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 找专家's free text searches 30,000 expert documents that share text_documents with
 * a million cases. Through the table-wide GIN indexes a common word (猕猴桃, 生猪)
 * first collects every case that has it, and a one- or two-word query's trigram match
 * visits the whole trigram index: 600–700 ms at plan scale. These indexes hold the
 * expert documents only; search() binds source_type = 'expert', which the planner
 * matches to them (24 ms for the same query, measured on the plan-scale data).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE INDEX IF NOT EXISTS text_documents_expert_search ON text_documents USING gin (search_vector) WHERE source_type = 'expert'`)
    this.schema.raw(`CREATE INDEX IF NOT EXISTS text_documents_expert_trgm ON text_documents USING gin (normalized_text gin_trgm_ops) WHERE source_type = 'expert'`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS text_documents_expert_trgm')
    this.schema.raw('DROP INDEX IF EXISTS text_documents_expert_search')
  }
}
