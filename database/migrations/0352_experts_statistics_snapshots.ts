import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Computed statistics of a region and a range of days, kept for a few minutes: a
 * province's month is ~20 k fact rows and three medians, too much to aggregate on
 * every page view on 2 cores. The refresh job computes the default view (the last 30
 * days) of every region ahead of time; any other range is computed on first view.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('experts_statistics_snapshots', (table) => {
      table.string('region_code', 6).notNullable()
      table.date('from_day').notNullable()
      table.date('to_day').notNullable()
      table.jsonb('data').notNullable()
      table.timestamp('computed_at', { useTz: true }).notNullable()
      table.primary(['region_code', 'from_day', 'to_day'])
    })
  }

  async down() {
    this.schema.dropTable('experts_statistics_snapshots')
  }
}
