import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A city's or county's participation in the platform (plan 六(二): 取消接入平台资格).
 * One row per suspension, from a day on, with its reason; restoring it closes the row,
 * so the history stays. A region takes part unless it (or its city) has an open row
 * whose day has come.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('region_suspensions', (table) => {
      table.bigIncrements('id')
      table.string('region_code', 6).notNullable().references('code').inTable('regions')
      table.string('reason', 200).notNullable()
      table.date('from_day').notNullable()
      table.bigInteger('suspended_by_id').notNullable().references('id').inTable('users')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('restored_at', { useTz: true }).nullable()
      table.bigInteger('restored_by_id').nullable().references('id').inTable('users')
      table.string('restore_reason', 200).nullable()
    })
    this.schema.raw('CREATE UNIQUE INDEX region_suspensions_open ON region_suspensions (region_code) WHERE restored_at IS NULL')
  }

  async down() {
    this.schema.dropTable('region_suspensions')
  }
}
