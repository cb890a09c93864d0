import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 六(二) performance and subsidies: each expert's and 信息员's figures of a year (computed
 * from the expert service's case log), the yearly rules with every version kept, the
 * lists a county centre proposes and adjusts and the level above approves (then frozen),
 * and the payment data — 身份证 and bank card numbers sealed (PAYMENT_DATA_KEY) with a
 * keyed-hash index for look-ups and only their masked forms in clear.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('admin_performance_figures', (table) => {
      table.smallint('year').notNullable()
      // 'expert' or 'info_officer'.
      table.string('role', 12).notNullable()
      table.bigInteger('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('county_code', 6).notNullable()
      // An expert's level (province/city/county); null for 信息员.
      table.string('level', 8).nullable()
      table.integer('cases').notNullable()
      // The follow-up call's verdict: valid, not valid, closed but no verdict yet.
      table.integer('valid').notNullable()
      table.integer('invalid').notNullable()
      table.integer('unverified').notNullable()
      table.integer('responded').notNullable()
      table.bigInteger('response_seconds').notNullable()
      table.integer('rated').notNullable()
      table.integer('rating_sum').notNullable()
      table.integer('visits').notNullable()
      // Cases triaged after their 1 h, and 3 h response deadlines that passed (for an expert: theirs).
      table.integer('triage_missed').notNullable()
      table.integer('response_missed').notNullable()
      table.timestamp('computed_at', { useTz: true }).notNullable()
      table.primary(['year', 'role', 'user_id'])
    })
    this.schema.raw('CREATE INDEX admin_performance_figures_county ON admin_performance_figures (year, county_code text_pattern_ops, role)')

    // Every version of a year's rule for one kind of person; the newest applies.
    this.schema.createTable('admin_subsidy_rules', (table) => {
      table.bigIncrements('id')
      table.smallint('year').notNullable()
      // expert_province, expert_city, expert_county, info_officer.
      table.string('kind', 16).notNullable()
      table.integer('version').notNullable()
      table.integer('min_valid').notNullable()
      // Lowest average rating ×10 (45 = 4.5), null: no threshold.
      table.smallint('min_rating_tenths').nullable()
      table.integer('max_missed').nullable()
      table.integer('base_fen').notNullable()
      table.integer('per_valid_fen').notNullable()
      table.integer('max_fen').notNullable()
      table.string('reason', 200).notNullable()
      table.bigInteger('created_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['year', 'kind', 'version'])
    })

    this.schema.createTable('admin_subsidy_lists', (table) => {
      table.bigIncrements('id')
      table.smallint('year').notNullable()
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      // draft (the county centre adjusts) → approved (by the level above; frozen).
      table.string('status', 10).notNullable().defaultTo('draft')
      // The rule versions the proposal used, kind → version.
      table.jsonb('rule_versions').notNullable()
      table.bigInteger('proposed_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.bigInteger('approved_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('approved_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['year', 'county_code'])
    })

    this.schema.createTable('admin_subsidy_lines', (table) => {
      table.bigIncrements('id')
      table.bigInteger('list_id').notNullable().references('id').inTable('admin_subsidy_lists').onDelete('CASCADE')
      table.bigInteger('user_id').notNullable().references('id').inTable('users')
      table.string('kind', 16).notNullable()
      table.integer('valid').notNullable()
      table.integer('proposed_fen').notNullable()
      table.integer('amount_fen').notNullable()
      table.integer('max_fen').notNullable()
      table.string('adjust_reason', 200).nullable()
      table.bigInteger('adjusted_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('adjusted_at', { useTz: true }).nullable()
      table.unique(['list_id', 'user_id'])
    })

    this.schema.createTable('admin_subsidy_payees', (table) => {
      table.bigInteger('user_id').primary().references('id').inTable('users').onDelete('CASCADE')
      table.string('county_code', 6).notNullable()
      table.string('holder_name', 30).notNullable()
      table.string('bank_name', 40).notNullable()
      table.text('id_number_sealed').notNullable()
      table.string('id_number_index', 64).notNullable().unique()
      table.string('id_number_masked', 18).notNullable()
      table.text('card_sealed').notNullable()
      table.string('card_index', 64).notNullable()
      table.string('card_masked', 19).notNullable()
      table.bigInteger('updated_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['card_index'])
    })
  }

  async down() {
    this.schema.dropTable('admin_subsidy_payees')
    this.schema.dropTable('admin_subsidy_lines')
    this.schema.dropTable('admin_subsidy_lists')
    this.schema.dropTable('admin_subsidy_rules')
    this.schema.dropTable('admin_performance_figures')
  }
}
