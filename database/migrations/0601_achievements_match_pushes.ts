import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Matching and push (issue 17 §2): each demand–offer pair pushed once (in-site at once
 * to both owners), what still waits for a person's SMS digest, and each person's SMS
 * preference (opted out, and when their last digest went: at most one a Beijing day).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('achievements_match_pushes', (table) => {
      table.bigIncrements('id')
      table.bigInteger('demand_id').notNullable().references('id').inTable('achievements_tech_demands').onDelete('CASCADE')
      table.bigInteger('offer_id').notNullable().references('id').inTable('achievements_tech_offers').onDelete('CASCADE')
      table.float('score').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['demand_id', 'offer_id'])
    })
    this.schema.createTable('achievements_digest_items', (table) => {
      table.bigIncrements('id')
      table.bigInteger('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.bigInteger('push_id').notNullable().references('id').inTable('achievements_match_pushes').onDelete('CASCADE')
      table.timestamp('sent_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['user_id', 'push_id'])
    })
    this.schema.raw('CREATE INDEX achievements_digest_items_waiting ON achievements_digest_items (user_id) WHERE sent_at IS NULL')
    this.schema.createTable('achievements_sms_settings', (table) => {
      table.bigInteger('user_id').primary().references('id').inTable('users').onDelete('CASCADE')
      table.boolean('opted_out').notNullable().defaultTo(false)
      table.timestamp('last_digest_at', { useTz: true }).nullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable('achievements_sms_settings')
    this.schema.dropTable('achievements_digest_items')
    this.schema.dropTable('achievements_match_pushes')
  }
}
