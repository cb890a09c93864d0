import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 农技知识库 (issue 14 §3): a case whose 回访 ruled the service valid, and whose reporter
 * agreed at report time, becomes a public entry. The entry holds its own masked copy of
 * the question and answer (the case keeps the original, which stays private), and every
 * version of its wording is kept as a revision, the withdrawal included.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('experts_consultations', (table) => {
      // Asked on the 报需求 form; without it the case never becomes public.
      table.boolean('knowledge_consent').notNullable().defaultTo(false)
    })
    this.schema.createTable('experts_knowledge_entries', (table) => {
      table.bigIncrements('id')
      table.bigInteger('consultation_id').notNullable().unique().references('id').inTable('experts_consultations').onDelete('CASCADE')
      table.string('industry_code', 30).notNullable().references('code').inTable('industries')
      // The case's county decides which centre looks after the entry; the public sees the city only.
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.string('city_code', 6).notNullable().references('code').inTable('regions')
      table.string('title', 80).notNullable()
      table.text('problem').notNullable()
      table.text('answer').notNullable()
      table.string('state', 20).notNullable().defaultTo('published')
      table.text('withdrawn_reason').nullable()
      table.bigInteger('withdrawn_by').nullable().references('id').inTable('users')
      table.timestamp('withdrawn_at', { useTz: true }).nullable()
      // The day the service was ruled valid: the date the public sees.
      table.timestamp('validated_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE experts_knowledge_entries ADD CONSTRAINT experts_knowledge_entries_state CHECK (state IN ('published', 'withdrawn'))`)
    this.schema.raw(`ALTER TABLE experts_knowledge_entries ADD CONSTRAINT experts_knowledge_entries_withdrawn
      CHECK ((state = 'withdrawn') = (withdrawn_at IS NOT NULL))`)
    // The public list: published entries, newest first, optionally of one industry.
    this.schema.raw(`CREATE INDEX experts_knowledge_entries_public ON experts_knowledge_entries (industry_code, validated_at DESC, id DESC) WHERE state = 'published'`)
    // The search box: ILIKE of each word over the public text (knowledge_queries.ts builds the same expression).
    this.schema.raw(`CREATE INDEX experts_knowledge_entries_search ON experts_knowledge_entries
      USING gin ((title || ' ' || problem || ' ' || answer) gin_trgm_ops) WHERE state = 'published'`)
    this.schema.raw(`CREATE INDEX experts_knowledge_entries_newest ON experts_knowledge_entries (validated_at DESC, id DESC) WHERE state = 'published'`)

    this.schema.createTable('experts_knowledge_revisions', (table) => {
      table.bigIncrements('id')
      table.bigInteger('entry_id').notNullable().references('id').inTable('experts_knowledge_entries').onDelete('CASCADE')
      // Null for the first version, which the platform wrote from the case.
      table.bigInteger('editor_id').nullable().references('id').inTable('users')
      table.string('kind', 20).notNullable()
      table.string('title', 80).notNullable()
      table.text('problem').notNullable()
      table.text('answer').notNullable()
      table.text('reason').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE experts_knowledge_revisions ADD CONSTRAINT experts_knowledge_revisions_kind CHECK (kind IN ('created', 'edited', 'withdrawn'))`)
    this.schema.raw('CREATE INDEX experts_knowledge_revisions_entry ON experts_knowledge_revisions (entry_id, id)')
  }

  async down() {
    this.schema.dropTable('experts_knowledge_revisions')
    this.schema.dropTable('experts_knowledge_entries')
    this.schema.alterTable('experts_consultations', (table) => {
      table.dropColumn('knowledge_consent')
    })
  }
}
