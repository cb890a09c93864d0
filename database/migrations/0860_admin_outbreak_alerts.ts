import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 疫情预警 (issue 18 §5): a cluster of similar consultations in a county that exceeds its
 * seasonal baseline, raised by the detection job, then confirmed (the industry's experts
 * of the city are told) or dismissed with a reason by the county's or the city's centre.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('admin_outbreak_alerts', (table) => {
      table.bigIncrements('id')
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.string('industry_code', 30).notNullable()
      // The cluster's telling words (experts' similarCaseClusters), rarest first.
      table.specificType('terms', 'text[]').notNullable()
      table.specificType('case_ids', 'bigint[]').notNullable()
      // Up to three of the questions, names and phone numbers masked.
      table.specificType('excerpts', 'text[]').notNullable()
      // Cases like these in the window, and in the same days of each earlier year (newest first).
      table.integer('case_count').notNullable()
      table.specificType('earlier_counts', 'integer[]').notNullable()
      table.double('baseline').notNullable()
      table.timestamp('window_from', { useTz: true }).notNullable()
      table.timestamp('window_to', { useTz: true }).notNullable()
      table.string('status', 12).notNullable().defaultTo('open')
      table.string('dismiss_reason', 200).nullable()
      table.integer('experts_told').nullable()
      table.bigInteger('decided_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['county_code', 'id'])
    })
    this.schema.raw('CREATE INDEX admin_outbreak_alerts_case_ids ON admin_outbreak_alerts USING gin (case_ids)')
  }

  async down() {
    this.schema.dropTable('admin_outbreak_alerts')
  }
}
