import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 信息员 applications (plan 五(一)1): a person applies for a village of their county
 * with their group, organisation and a statement; the county centre verifies or
 * rejects with a reason, as for experts. A verified officer's village goes on every
 * case they report (experts_consultations.village_code), and last_reported_at says
 * whether they are active (coverage counts those of the last 90 days).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('experts_officers', (table) => {
      table.bigIncrements('id')
      table.bigInteger('user_id').notNullable().unique().references('id').inTable('users')
      table.string('county_code', 6).notNullable().references('code').inTable('regions')
      table.string('village_code', 12).notNullable().references('code').inTable('villages')
      table.string('group', 24).notNullable()
      table.string('group_other', 30).nullable()
      table.string('organization', 60).notNullable()
      table.string('statement', 300).notNullable()
      table.string('status', 12).notNullable()
      table.string('rejection_reason', 200).nullable()
      table.bigInteger('reviewed_by_id').nullable().references('id').inTable('users')
      table.timestamp('reviewed_at', { useTz: true }).nullable()
      table.timestamp('last_reported_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['county_code', 'status', 'id'])
    })
    this.schema.raw("CREATE INDEX experts_officers_verified_village ON experts_officers (village_code) INCLUDE (last_reported_at) WHERE status = 'verified'")
    this.schema.alterTable('experts_consultations', (table) => {
      table.string('village_code', 12).nullable()
    })
  }

  async down() {
    this.schema.alterTable('experts_consultations', (table) => {
      table.dropColumn('village_code')
    })
    this.schema.dropTable('experts_officers')
  }
}
