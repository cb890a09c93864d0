import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Exports and the statistics refresh ask of every case whether it was closed
 * automatically: one probe of this small index instead of reading the case's events.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE INDEX IF NOT EXISTS experts_consultation_events_auto_closed ON experts_consultation_events (consultation_id) WHERE kind = 'auto_closed'`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS experts_consultation_events_auto_closed')
  }
}
