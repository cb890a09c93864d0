import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Content safety (DESIGN §6): the sensitive-word list platform admins manage, circuit
 * breakers per module and region, and the review queue of held dynamic content.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('moderation_words', (table) => {
      table.increments('id')
      // As the admin typed it, and the normalised form the filter matches (unique, so
      // "赌博" and "赌 博" are one entry).
      table.string('word', 50).notNullable()
      table.string('normalized', 50).notNullable().unique()
      table.string('category', 12).notNullable()
      table.string('action', 5).notNullable()
      table.bigInteger('created_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE moderation_words ADD CONSTRAINT moderation_words_action CHECK (action IN ('hold', 'block'))`)
    this.schema.raw('CREATE INDEX moderation_words_category ON moderation_words (category, id DESC)')

    // One row: every process compares its filter's version with it before screening and
    // rebuilds when it moved. Values come from a sequence, which a rollback never
    // returns, so a number once seen always means the same list.
    this.schema.raw('CREATE SEQUENCE moderation_word_list_versions')
    this.schema.createTable('moderation_word_list', (table) => {
      table.smallint('id').primary()
      table.bigInteger('version').notNullable()
    })
    this.schema.raw(`ALTER TABLE moderation_word_list ADD CONSTRAINT moderation_word_list_one_row CHECK (id = 1)`)
    this.schema.raw(`INSERT INTO moderation_word_list (id, version) VALUES (1, nextval('moderation_word_list_versions'))`)

    // The current state of each (module, region) breaker; its history is the audit log.
    this.schema.createTable('moderation_breakers', (table) => {
      table.increments('id')
      table.string('module', 20).notNullable()
      // A RegionScope prefix: '51', '5101' or '510104'.
      table.string('scope', 6).notNullable()
      table.boolean('tripped').notNullable()
      // Null actor: tripped automatically by a spike of held content.
      table.boolean('automatic').notNullable().defaultTo(false)
      table.text('reason').notNullable()
      table.bigInteger('changed_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('tripped_at', { useTz: true }).nullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['module', 'scope'])
    })
    this.schema.raw('CREATE INDEX moderation_breakers_tripped ON moderation_breakers (module, scope) WHERE tripped')

    this.schema.createTable('moderation_reviews', (table) => {
      table.increments('id')
      table.string('module', 20).notNullable()
      table.string('subject_type', 40).notNullable()
      table.bigInteger('subject_id').notNullable()
      table.string('county_code', 6).nullable()
      table.text('text').notNullable()
      table.specificType('categories', 'text[]').notNullable().defaultTo('{}')
      // Held because of its words (counts towards the automatic trip), not only because a breaker was tripped.
      table.boolean('flagged').notNullable()
      table.string('status', 8).notNullable().defaultTo('pending')
      table.bigInteger('decided_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.text('decision_reason').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE moderation_reviews ADD CONSTRAINT moderation_reviews_status CHECK (status IN ('pending', 'approved', 'rejected'))`)
    // A subject waits in the queue once; holding it again (an edit) refreshes the entry.
    this.schema.raw(`CREATE UNIQUE INDEX moderation_reviews_pending_subject ON moderation_reviews (subject_type, subject_id) WHERE status = 'pending'`)
    this.schema.raw(`CREATE INDEX moderation_reviews_queue ON moderation_reviews (county_code text_pattern_ops, id) WHERE status = 'pending'`)
    // The automatic trip counts a county's recent flagged items of a module.
    this.schema.raw('CREATE INDEX moderation_reviews_spike ON moderation_reviews (module, county_code, created_at) WHERE flagged')
  }

  async down() {
    this.schema.dropTable('moderation_reviews')
    this.schema.dropTable('moderation_breakers')
    this.schema.dropTable('moderation_word_list')
    this.schema.raw('DROP SEQUENCE moderation_word_list_versions')
    this.schema.dropTable('moderation_words')
  }
}
