import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    // Extensions the text engine and later modules rely on; all ship with PG contrib.
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS pgcrypto')

    this.schema.createTable('regions', (table) => {
      table.string('code', 6).primary()
      table.string('name', 30).notNullable()
      table.enum('level', ['province', 'city', 'county']).notNullable()
      table.string('parent_code', 6).nullable().references('code').inTable('regions')
      table.index(['parent_code'])
    })

    this.schema.createTable('industries', (table) => {
      table.string('code', 30).primary()
      table.string('name', 30).notNullable()
      table.enum('industry_group', ['10', '3']).notNullable()
      table.smallint('position').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('industries')
    this.schema.dropTable('regions')
  }
}
