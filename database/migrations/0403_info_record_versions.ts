import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Versions (issue 15 §2): a correction of a published record is a new record that revises
 * it and goes through the whole workflow; the old one stays public until the new one is
 * signed off, then it is superseded — kept, with its history, but no longer listed.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('info_records', (table) => {
      table.bigInteger('revises_id').nullable().references('id').inTable('info_records')
      table.index(['revises_id'])
    })
    this.schema.raw('ALTER TABLE info_records DROP CONSTRAINT info_records_status')
    this.schema.raw(
      `ALTER TABLE info_records ADD CONSTRAINT info_records_status CHECK (status IN ('draft', 'submitted', 'reviewed', 'published', 'rejected', 'withdrawn', 'superseded'))`
    )
  }

  async down() {
    this.schema.raw(`UPDATE info_records SET status = 'withdrawn' WHERE status = 'superseded'`)
    this.schema.raw('ALTER TABLE info_records DROP CONSTRAINT info_records_status')
    this.schema.raw(`ALTER TABLE info_records ADD CONSTRAINT info_records_status CHECK (status IN ('draft', 'submitted', 'reviewed', 'published', 'rejected', 'withdrawn'))`)
    this.schema.alterTable('info_records', (table) => {
      table.dropColumn('revises_id')
    })
  }
}
