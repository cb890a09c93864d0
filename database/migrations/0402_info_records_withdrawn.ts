import { BaseSchema } from '@adonisjs/lucid/schema'

/** A published record can be withdrawn with a reason (issue 15 §2): it leaves the public pages and goes back to its author. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('ALTER TABLE info_records DROP CONSTRAINT info_records_status')
    this.schema.raw(`ALTER TABLE info_records ADD CONSTRAINT info_records_status CHECK (status IN ('draft', 'submitted', 'reviewed', 'published', 'rejected', 'withdrawn'))`)
  }

  async down() {
    this.schema.raw(`UPDATE info_records SET status = 'rejected' WHERE status = 'withdrawn'`)
    this.schema.raw('ALTER TABLE info_records DROP CONSTRAINT info_records_status')
    this.schema.raw(`ALTER TABLE info_records ADD CONSTRAINT info_records_status CHECK (status IN ('draft', 'submitted', 'reviewed', 'published', 'rejected'))`)
  }
}
