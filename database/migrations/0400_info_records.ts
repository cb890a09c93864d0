import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 产业信息 (issue 15): records of the four databases and every step of their workflow.
 * A record's region is where it belongs (510000 province-wide, 51xx00 a city, a county);
 * scoped queries are prefix matches on it. The events are the history: never updated.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('info_records', (table) => {
      table.bigIncrements('id')
      table.string('kind', 20).notNullable()
      table.string('category', 8).notNullable()
      // Codes of the 10+3 industries; the first is the main one.
      table.specificType('industries', 'text[]').notNullable()
      table.string('region_code', 6).notNullable().references('code').inTable('regions')
      table.string('title', 80).notNullable()
      table.string('summary', 300).notNullable().defaultTo('')
      table.text('body').notNullable()
      table.string('ip_owner', 80).notNullable()
      table.string('source', 120).notNullable().defaultTo('')
      table.date('valid_from').notNullable()
      table.date('valid_to').nullable()
      table.string('status', 12).notNullable().defaultTo('draft')
      // Categories of listed words content safety found on submit ('hold' words): the reviewer is shown them.
      table.specificType('screen_categories', 'text[]').notNullable().defaultTo('{}')
      table.bigInteger('author_id').notNullable().references('id').inTable('users')
      // The review checklist (政治导向, 涉密, 权属, 数据来源) as ticked, with remarks.
      table.jsonb('checklist').nullable()
      table.bigInteger('reviewed_by_id').nullable().references('id').inTable('users')
      table.timestamp('reviewed_at', { useTz: true }).nullable()
      table.bigInteger('signed_off_by_id').nullable().references('id').inTable('users')
      table.timestamp('published_at', { useTz: true }).nullable()
      table.text('rejection_reason').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE info_records ADD CONSTRAINT info_records_kind CHECK (kind IN ('status', 'leading_enterprise', 'support_unit', 'trend'))`)
    this.schema.raw(`ALTER TABLE info_records ADD CONSTRAINT info_records_category CHECK (category IN ('macro', 'local'))`)
    this.schema.raw(`ALTER TABLE info_records ADD CONSTRAINT info_records_status CHECK (status IN ('draft', 'submitted', 'reviewed', 'published', 'rejected'))`)
    // The public list: published records newest first, narrowed by kind, industry and region.
    this.schema.raw(`CREATE INDEX info_records_published ON info_records (published_at DESC, id DESC) WHERE status = 'published'`)
    this.schema.raw(`CREATE INDEX info_records_published_region ON info_records (region_code text_pattern_ops) WHERE status = 'published'`)
    this.schema.raw('CREATE INDEX info_records_industries ON info_records USING gin (industries)')
    // The review and sign-off queues: one status inside a scope, oldest first.
    this.schema.raw('CREATE INDEX info_records_queue ON info_records (status, region_code text_pattern_ops, id)')
    this.schema.raw('CREATE INDEX info_records_author ON info_records (author_id, id DESC)')

    this.schema.createTable('info_record_events', (table) => {
      table.bigIncrements('id')
      table.bigInteger('record_id').notNullable().references('id').inTable('info_records').onDelete('CASCADE')
      table.string('action', 12).notNullable()
      table.bigInteger('actor_id').notNullable().references('id').inTable('users')
      table.string('actor_role', 20).nullable()
      table.string('from_status', 12).nullable()
      table.string('to_status', 12).notNullable()
      table.text('reason').nullable()
      table.jsonb('checklist').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['record_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('info_record_events')
    this.schema.dropTable('info_records')
  }
}
