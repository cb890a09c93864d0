import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 信息员 coverage as computed for the province, kept ten minutes (as the expert
 * statistics' snapshots are): the per-county figures of 26 000 villages and 60 000
 * officers take one read of both tables, so the province's and the cities' pages show
 * the kept rows. A verification or rejection drops them (the next page recomputes).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('experts_officer_coverage', (table) => {
      table.string('region_code', 6).primary()
      table.jsonb('rows').notNullable()
      table.timestamp('computed_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable('experts_officer_coverage')
  }
}
