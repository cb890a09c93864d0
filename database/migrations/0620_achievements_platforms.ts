import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 农村双创平台 (issue 17 §6): the registry of rural innovation platforms — 星创天地,
 * 农业科技园区, 众创空间, 孵化器 — kept by the operation centres of their county's scope,
 * shown on the county map (示意图) and in each county's list.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('achievements_platforms', (table) => {
      table.bigIncrements('id')
      table.string('name', 60).notNullable()
      table.string('kind', 16).notNullable()
      table.string('level', 12).notNullable()
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.string('address', 120).notNullable()
      table.text('services').notNullable()
      table.string('contact', 60).notNullable()
      table.bigInteger('created_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['county_code', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('achievements_platforms')
  }
}
