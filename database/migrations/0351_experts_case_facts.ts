import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Service statistics read one narrow row per case, kept by a job from the cases and
 * their events (app/modules/experts/statistics/refresh.ts): at a million cases the
 * wide case rows (texts) and the per-case event look-ups (auto-closed, missed
 * responses) are too slow for a 50 ms page; these rows are ~100 bytes and indexed by
 * submission time, so a month of the province is one short index range.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('experts_case_facts', (table) => {
      table.bigInteger('consultation_id').primary().references('id').inTable('experts_consultations').onDelete('CASCADE')
      table.string('county_code', 6).notNullable()
      table.string('industry_code', 30).notNullable()
      table.string('state', 24).notNullable()
      table.bigInteger('reporter_id').notNullable()
      // The reporter held the 信息员 role when the row was written.
      table.boolean('by_officer').notNullable()
      table.bigInteger('expert_id').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('assigned_at', { useTz: true }).nullable()
      table.timestamp('first_response_at', { useTz: true }).nullable()
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.timestamp('followup_due_at', { useTz: true }).nullable()
      table.timestamp('followed_up_at', { useTz: true }).nullable()
      table.boolean('service_valid').nullable()
      table.smallint('rating').nullable()
      table.boolean('auto_closed').notNullable().defaultTo(false)
      // Experts who let this case's response deadline pass (events 'response_missed').
      table.specificType('missed_by', 'bigint[]').nullable()
    })
    this.schema.raw('CREATE INDEX experts_case_facts_created ON experts_case_facts (created_at)')
    this.schema.raw('CREATE INDEX experts_case_facts_county ON experts_case_facts (county_code text_pattern_ops, created_at)')

    // How far the job has read: cases and events above these ids are not in the facts yet.
    this.schema.createTable('experts_case_facts_progress', (table) => {
      table.smallint('id').primary()
      table.bigInteger('last_case_id').notNullable().defaultTo(0)
      table.bigInteger('last_event_id').notNullable().defaultTo(0)
      table.timestamp('refreshed_at', { useTz: true }).nullable()
    })
    this.schema.raw('ALTER TABLE experts_case_facts_progress ADD CONSTRAINT experts_case_facts_progress_one CHECK (id = 1)')
    this.defer(async (db) => {
      await db.table('experts_case_facts_progress').insert({ id: 1 })
    })
  }

  async down() {
    this.schema.dropTable('experts_case_facts_progress')
    this.schema.dropTable('experts_case_facts')
  }
}
