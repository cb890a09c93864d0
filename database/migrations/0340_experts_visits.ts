import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * On-site visits (plan 五(三)1: the county centre sends an expert to the field when a
 * photo is not enough). A visit is requested, dispatched, visited or cancelled; the
 * consultation's own state follows it through recordTransition, and every step is also
 * an event row, so this table holds only what the events do not: the visit's details.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('experts_visits', (table) => {
      table.bigIncrements('id')
      table.bigInteger('consultation_id').notNullable().references('id').inTable('experts_consultations').onDelete('CASCADE')
      // Copied from the case (which never moves county): staff lists are scoped without a join.
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.bigInteger('requested_by_id').notNullable().references('id').inTable('users')
      // 'reporter' or 'expert'
      table.string('requested_by_role', 10).notNullable()
      table.text('reason').notNullable()
      table.string('status', 10).notNullable().defaultTo('requested')
      // The expert sent; set at dispatch (usually, but not necessarily, the case's expert).
      table.bigInteger('expert_id').nullable().references('id').inTable('experts_profiles')
      table.date('scheduled_on').nullable()
      table.string('place', 100).nullable()
      table.bigInteger('dispatched_by_id').nullable().references('id').inTable('users')
      table.timestamp('dispatched_at', { useTz: true }).nullable()
      table.text('reschedule_reason').nullable()
      table.smallint('reschedule_count').notNullable().defaultTo(0)
      table.text('outcome').nullable()
      table.timestamp('visited_at', { useTz: true }).nullable()
      // Money in fen (分): integers only, a float never touches an amount.
      table.integer('travel_cost_fen').nullable()
      table.bigInteger('cost_confirmed_by_id').nullable().references('id').inTable('users')
      table.timestamp('cost_confirmed_at', { useTz: true }).nullable()
      table.text('cancel_reason').nullable()
      table.bigInteger('cancelled_by_id').nullable().references('id').inTable('users')
      table.timestamp('cancelled_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE experts_visits ADD CONSTRAINT experts_visits_status CHECK (status IN ('requested', 'dispatched', 'visited', 'cancelled'))`)
    this.schema.raw(`ALTER TABLE experts_visits ADD CONSTRAINT experts_visits_role CHECK (requested_by_role IN ('reporter', 'expert'))`)
    this.schema.raw('ALTER TABLE experts_visits ADD CONSTRAINT experts_visits_cost CHECK (travel_cost_fen >= 0)')
    this.schema.raw(`ALTER TABLE experts_visits ADD CONSTRAINT experts_visits_dispatched CHECK (status = 'requested' OR status = 'cancelled' OR (expert_id IS NOT NULL AND scheduled_on IS NOT NULL AND place IS NOT NULL))`)
    // At most one visit under way per case: a double submit cannot open two.
    this.schema.raw(`CREATE UNIQUE INDEX experts_visits_live ON experts_visits (consultation_id) WHERE status IN ('requested', 'dispatched')`)
    this.schema.raw('CREATE INDEX experts_visits_case ON experts_visits (consultation_id, id)')
    // The centre's list: its scope's visits by status, newest first.
    this.schema.raw('CREATE INDEX experts_visits_scope ON experts_visits (status, county_code text_pattern_ops, id DESC)')
    this.schema.raw('CREATE INDEX experts_visits_expert ON experts_visits (expert_id, id DESC) WHERE expert_id IS NOT NULL')

    // Outcome photos, stored through the media service.
    this.schema.createTable('experts_visit_media', (table) => {
      table.bigInteger('visit_id').notNullable().references('id').inTable('experts_visits').onDelete('CASCADE')
      table.bigInteger('media_id').notNullable().references('id').inTable('media').onDelete('CASCADE')
      table.smallint('position').notNullable().defaultTo(0)
      table.primary(['visit_id', 'media_id'])
    })

    // The auto-close sweep reads only answered cases, oldest activity first.
    this.schema.raw(
      `CREATE INDEX experts_consultations_silent ON experts_consultations ((GREATEST(answered_at, last_message_at))) WHERE state IN ('answering', 'visited')`
    )
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS experts_consultations_silent')
    this.schema.dropTable('experts_visit_media')
    this.schema.dropTable('experts_visits')
  }
}
