import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Idempotent form posts (issue 20 §3, app/core/http/idempotency.ts): one row per key a form
 * carried, the first answer kept so that a retry — a double tap, a resend after a timeout, a
 * proxy's retry — gets that answer again instead of doing the work twice. Kept a day.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('core_idempotent_requests', (table) => {
      // sha256 of who (user or session) and the form's key: one person's key is nobody else's.
      table.string('key', 64).primary()
      table.string('state', 8).notNullable()
      table.smallint('status').nullable()
      // The answer's replayed headers (Location, HX-*, Content-Type) and body (an htmx fragment).
      table.jsonb('headers').nullable()
      table.text('body').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.raw('now()'))
    })
    this.schema.raw(`ALTER TABLE core_idempotent_requests ADD CONSTRAINT core_idempotent_requests_state CHECK (state IN ('running', 'done'))`)
    this.schema.raw('CREATE INDEX core_idempotent_requests_created ON core_idempotent_requests (created_at)')
  }

  async down() {
    this.schema.dropTable('core_idempotent_requests')
  }
}
