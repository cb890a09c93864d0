import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every SMS becomes a durable record before anything is sent, so a failed or
 * interrupted delivery can be retried later from its id alone.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('sms_messages', (table) => {
      table.renameColumn('error', 'reason')
      // Template variables, encrypted with APP_KEY (they may hold a login code); cleared once sent.
      table.text('variables').nullable()
      table.smallint('attempts').notNullable().defaultTo(0)
      // The provider's id for the message (Tencent: SerialNo), for support tickets.
      table.string('provider_ref', 100).nullable()
      table.timestamp('last_attempt_at', { useTz: true }).nullable()
      table.timestamp('sent_at', { useTz: true }).nullable()
    })
    // Sweeps look only at the few messages still waiting for delivery.
    this.schema.raw(
      "CREATE INDEX sms_messages_undelivered ON sms_messages (created_at) WHERE status IN ('queued', 'sending', 'failed')"
    )
  }

  async down() {
    this.schema.raw('DROP INDEX sms_messages_undelivered')
    this.schema.alterTable('sms_messages', (table) => {
      table.dropColumns('variables', 'attempts', 'provider_ref', 'last_attempt_at', 'sent_at')
      table.renameColumn('reason', 'error')
    })
  }
}
