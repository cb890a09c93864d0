import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('text_documents', (table) => {
      table.bigIncrements('id')
      // Which module owns the record ('historical_case', later needs, achievements…).
      table.string('source_type', 40).notNullable()
      table.string('source_id', 40).nullable()
      table.string('industry_code', 30).nullable().references('code').inTable('industries')
      table.string('county_code', 6).nullable().references('code').inTable('regions')
      table.text('text').notNullable()
      table.text('answer').notNullable().defaultTo('')
      table.boolean('solved').notNullable().defaultTo(false)
      table.boolean('public').notNullable().defaultTo(true)
      table.smallint('rating').nullable()
      // Segmented in Node (jieba + our dictionary); Postgres cannot cut Chinese.
      table.text('text_tokens').notNullable().defaultTo('')
      table.text('answer_tokens').notNullable().defaultTo('')
      // Normalised text for pg_trgm: very short queries and typos.
      table.text('normalized_text').notNullable().defaultTo('')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['source_type', 'source_id'])
    })
    // Generated from the token columns, so the vector can never drift from them.
    this.schema.raw(`
      ALTER TABLE text_documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', text_tokens), 'A') ||
        setweight(to_tsvector('simple', answer_tokens), 'B')
      ) STORED`)
    this.schema.raw('CREATE INDEX text_documents_search ON text_documents USING gin (search_vector)')
    this.schema.raw('CREATE INDEX text_documents_trgm ON text_documents USING gin (normalized_text gin_trgm_ops)')
    this.schema.raw('CREATE INDEX text_documents_industry ON text_documents (industry_code)')
  }

  async down() {
    this.schema.dropTable('text_documents')
  }
}
