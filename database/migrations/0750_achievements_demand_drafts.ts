import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Draft tech demands (issue 17 §2, beyond the anchors): a cluster of similar
 * consultations asked again and again in one county (experts' similarCaseClusters) is
 * proposed to the county centre as a draft 技术需求, which its staff edit and publish
 * (`demand_id` then names the demand) or dismiss. A case belongs to one draft at most,
 * so a dismissed cluster is not proposed again.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('achievements_demand_drafts', (table) => {
      table.bigIncrements('id')
      table.string('county_code', 6).notNullable()
      table.string('industry', 30).notNullable()
      table.string('title', 60).notNullable()
      table.text('description').notNullable()
      table.specificType('case_ids', 'bigint[]').notNullable()
      table.integer('unsolved').notNullable()
      table.string('status', 12).notNullable().defaultTo('proposed')
      table.bigInteger('demand_id').nullable().references('id').inTable('achievements_tech_demands').onDelete('SET NULL')
      table.bigInteger('decided_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['county_code', 'status', 'id'])
    })
    this.schema.raw('CREATE INDEX achievements_demand_drafts_cases ON achievements_demand_drafts USING gin (case_ids)')
  }

  async down() {
    this.schema.dropTable('achievements_demand_drafts')
  }
}
