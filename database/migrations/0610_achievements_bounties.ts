import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 你发榜我抢单 (issue 17 §3): a market entity's bounty (the need, budget range in fen,
 * deadline, region, industry) that qualified experts grab with a short proposal; the
 * owner picks one or the first qualified grab wins (chosen at posting). Status:
 * open → claimed → negotiating → agreed (both report the fee agreed off the platform; a
 * mismatch is flagged) → done (both rated), or cancelled with a reason (also by the
 * deadline sweep). No payment, escrow or guarantee passes through the platform (plan 六(三)).
 * Every transition is an event row (who, when, from, to, why).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('achievements_bounties', (table) => {
      table.bigIncrements('id')
      table.bigInteger('owner_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('title', 60).notNullable()
      table.text('description').notNullable()
      table.string('industry', 30).notNullable()
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.integer('budget_min_fen').nullable()
      table.integer('budget_max_fen').nullable()
      table.date('deadline').notNullable()
      table.string('award_mode', 16).notNullable()
      table.string('status', 12).notNullable()
      table.boolean('held').notNullable().defaultTo(false)
      table.bigInteger('claim_id').nullable()
      table.integer('owner_fee_fen').nullable()
      table.integer('expert_fee_fen').nullable()
      table.boolean('fee_mismatch').notNullable().defaultTo(false)
      table.smallint('owner_rating').nullable()
      table.smallint('expert_rating').nullable()
      table.string('cancel_reason', 200).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['owner_id', 'id'])
    })
    this.schema.raw(`CREATE INDEX achievements_bounties_open ON achievements_bounties (county_code text_pattern_ops, id DESC) WHERE status = 'open' AND NOT held`)
    this.schema.raw(`CREATE INDEX achievements_bounties_open_deadline ON achievements_bounties (deadline) WHERE status = 'open'`)
    this.schema.createTable('achievements_bounty_claims', (table) => {
      table.bigIncrements('id')
      table.bigInteger('bounty_id').notNullable().references('id').inTable('achievements_bounties').onDelete('CASCADE')
      table.bigInteger('expert_user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('proposal', 500).notNullable()
      table.string('status', 12).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['bounty_id', 'expert_user_id'])
      table.index(['expert_user_id', 'id'])
    })
    this.schema.createTable('achievements_bounty_events', (table) => {
      table.bigIncrements('id')
      table.bigInteger('bounty_id').notNullable().references('id').inTable('achievements_bounties').onDelete('CASCADE')
      table.bigInteger('actor_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.string('from_status', 12).nullable()
      table.string('to_status', 12).notNullable()
      table.string('note', 200).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['bounty_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('achievements_bounty_events')
    this.schema.dropTable('achievements_bounty_claims')
    this.schema.dropTable('achievements_bounties')
  }
}
