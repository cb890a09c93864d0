import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * SMS links stay stateless (a signed token), but their holder can end them: a link
 * issued at or before the case's *_link_ended_at is refused. A link sent later (a new
 * message after a quiet spell) works again.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('experts_consultations', (table) => {
      table.timestamp('farmer_link_ended_at', { useTz: true }).nullable()
      table.timestamp('expert_link_ended_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.alterTable('experts_consultations', (table) => {
      table.dropColumn('farmer_link_ended_at')
      table.dropColumn('expert_link_ended_at')
    })
  }
}
