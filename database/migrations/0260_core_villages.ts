import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Townships and villages under the counties (统计用区划代码: county 6 + township 3 +
 * village 3 digits), geography like `regions`. County centre staff import a county's
 * list; a village missing from a later list is retired, not deleted (officers and
 * cases keep pointing at it). Every import is kept: its file name, who, the rows it
 * read, its line-by-line refusals or what it changed.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('townships', (table) => {
      table.string('code', 9).primary()
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.string('name', 40).notNullable()
      table.index(['county_code'])
    })
    this.schema.createTable('villages', (table) => {
      table.string('code', 12).primary()
      table.string('township_code', 9).notNullable().references('code').inTable('townships')
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.string('name', 40).notNullable()
      table.timestamp('retired_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw('CREATE INDEX villages_current_county ON villages (county_code, township_code, code) WHERE retired_at IS NULL')
    this.schema.createTable('village_imports', (table) => {
      table.bigIncrements('id')
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.bigInteger('user_id').notNullable().references('id').inTable('users')
      table.string('file_name', 200).notNullable()
      // preview (read, waiting to be applied) | refused (line errors) | applied | superseded
      table.string('status', 12).notNullable()
      table.integer('line_count').notNullable()
      table.jsonb('rows').notNullable()
      table.jsonb('errors').notNullable()
      table.jsonb('changes').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('applied_at', { useTz: true }).nullable()
      table.index(['county_code', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('village_imports')
    this.schema.dropTable('villages')
    this.schema.dropTable('townships')
  }
}
