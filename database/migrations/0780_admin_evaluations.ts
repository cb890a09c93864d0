import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 运管中心考核 (issue 18 §3): each county's monthly target of valid consultations (有效咨询量)
 * per year, set by its city; the scores of each county centre per month ('2026-11') and year
 * ('2026') as computed from the expert service's figures, kept so a ranking reads one table;
 * and the 通报 of excellent centres, experts and 信息员 a city or the province publishes.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('admin_evaluation_targets', (table) => {
      table.bigIncrements('id')
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.integer('year').notNullable()
      table.integer('monthly_valid').notNullable()
      table.bigInteger('set_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['county_code', 'year'])
    })
    this.schema.createTable('admin_center_scores', (table) => {
      table.bigIncrements('id')
      table.bigInteger('center_id').notNullable().references('id').inTable('admin_operation_centers').onDelete('CASCADE')
      // The city the centre is ranked in (its region's first four digits, padded): 510100.
      table.string('city_code', 6).notNullable()
      table.string('period', 7).notNullable()
      table.integer('cases').notNullable()
      table.integer('valid').notNullable()
      table.integer('target').notNullable()
      table.double('triage_rate').nullable()
      table.double('followup_rate').nullable()
      table.double('average_rating').nullable()
      table.double('score').notNullable()
      table.timestamp('computed_at', { useTz: true }).notNullable()
      table.unique(['center_id', 'period'])
      table.index(['city_code', 'period', 'score'])
    })
    this.schema.createTable('admin_notices', (table) => {
      table.bigIncrements('id')
      // The publishing centre's region: a city (510100) or the province (510000).
      table.string('region_code', 6).notNullable().references('code').inTable('regions')
      table.string('period', 7).notNullable()
      table.string('title', 60).notNullable()
      table.text('body').notNullable()
      // { centres: [{ name, region, score }], experts: [{ name, valid, rating }], officers: [...] }
      table.jsonb('honourees').notNullable()
      table.bigInteger('published_by_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('published_at', { useTz: true }).notNullable()
      table.index(['published_at', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('admin_notices')
    this.schema.dropTable('admin_center_scores')
    this.schema.dropTable('admin_evaluation_targets')
  }
}
