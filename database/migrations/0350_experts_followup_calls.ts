import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 回访 (plan 五(三)1): within 7 days of closing, centre staff phone the reporter and
 * rule whether the service was valid. Every call is kept, reached or not, so an
 * unanswered phone can be tried again and the history shows each attempt.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('experts_followup_calls', (table) => {
      table.bigIncrements('id')
      table.bigInteger('consultation_id').notNullable().references('id').inTable('experts_consultations').onDelete('CASCADE')
      table.bigInteger('caller_id').notNullable().references('id').inTable('users')
      table.string('caller_role', 20).notNullable()
      table.boolean('reached').notNullable()
      // Only a reached call has a ruling: valid or not, and what kind of service it was.
      table.boolean('service_valid').nullable()
      table.string('category', 20).nullable()
      table.text('notes').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE experts_followup_calls ADD CONSTRAINT experts_followup_calls_category
      CHECK (category IN ('technical_guidance', 'diagnosis', 'onsite', 'policy', 'other'))`)
    this.schema.raw(`ALTER TABLE experts_followup_calls ADD CONSTRAINT experts_followup_calls_ruling
      CHECK (reached = (service_valid IS NOT NULL) AND reached = (category IS NOT NULL))`)
    this.schema.raw(`ALTER TABLE experts_followup_calls ADD CONSTRAINT experts_followup_calls_notes CHECK (char_length(notes) <= 500)`)
    this.schema.raw('CREATE INDEX experts_followup_calls_case ON experts_followup_calls (consultation_id, id)')
    // A case is followed up once: the reached call is its ruling (statistics and exports join it).
    this.schema.raw('CREATE UNIQUE INDEX experts_followup_calls_ruling_once ON experts_followup_calls (consultation_id) WHERE reached')
    // The follow-up queue: closed cases of a scope by deadline.
    this.schema.raw(`CREATE INDEX experts_consultations_followup_due ON experts_consultations (county_code text_pattern_ops, followup_due_at) WHERE state = 'closed'`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS experts_consultations_followup_due')
    this.schema.dropTable('experts_followup_calls')
  }
}
