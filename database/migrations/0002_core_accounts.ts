import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('users', (table) => {
      table.bigIncrements('id')
      table.string('phone', 11).notNullable().unique()
      table.string('password').notNullable()
      table.string('name', 30).nullable()
      table.string('county_code', 6).nullable().references('code').inTable('regions')
      table.string('village', 60).nullable()
      table.timestamp('last_login_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    // Scoped lists ("users of 5101…") are prefix matches on county_code.
    this.schema.raw('CREATE INDEX users_county_code_prefix ON users (county_code text_pattern_ops)')

    this.schema.createTable('role_grants', (table) => {
      table.bigIncrements('id')
      table.bigInteger('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('role', 20).notNullable()
      // Region code prefix: '51' province, '5101' Chengdu, '510104' one county; null for roles without scope.
      table.string('scope', 6).nullable()
      table.bigInteger('granted_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw('CREATE UNIQUE INDEX role_grants_unique ON role_grants (user_id, role, scope) NULLS NOT DISTINCT')
    this.schema.raw('CREATE INDEX role_grants_scope_prefix ON role_grants (scope text_pattern_ops)')

    this.schema.createTable('sms_codes', (table) => {
      table.bigIncrements('id')
      table.string('phone', 11).notNullable()
      table.string('purpose', 20).notNullable()
      // HMAC-SHA256 keyed with APP_KEY: a leaked table does not reveal live codes.
      table.string('code_hash', 64).notNullable()
      table.smallint('failed_attempts').notNullable().defaultTo(0)
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('consumed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['phone', 'purpose', 'created_at'])
    })

    this.schema.createTable('sms_messages', (table) => {
      table.bigIncrements('id')
      table.string('phone', 11).notNullable()
      table.string('template', 40).notNullable()
      table.string('driver', 20).notNullable()
      // Rendered text is kept only by the log driver (development and tests).
      table.text('body').nullable()
      table.string('status', 10).notNullable()
      table.text('error').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['phone', 'created_at'])
    })

    this.schema.createTable('rate_limits', (table) => {
      table.string('key', 255).notNullable().primary()
      table.integer('points', 9).notNullable().defaultTo(0)
      table.bigint('expire').unsigned()
    })
  }

  async down() {
    for (const t of ['rate_limits', 'sms_messages', 'sms_codes', 'role_grants', 'users']) this.schema.dropTable(t)
  }
}
