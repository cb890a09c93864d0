import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A reviewer's "rejected" is a third moderation outcome: a rejected message stays for
 * its author (shown as 未通过审核, so they know why it never appeared) and is hidden
 * from everyone else; a rejected case is closed. 'pass'/'held' did not fit 4 letters.
 */
export default class extends BaseSchema {
  async up() {
    for (const table of ['experts_consultations', 'experts_messages']) {
      this.schema.raw(`ALTER TABLE ${table} ALTER COLUMN moderation TYPE varchar(8)`)
      this.schema.raw(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_moderation CHECK (moderation IN ('pass', 'held', 'rejected'))`)
    }
  }

  async down() {
    for (const table of ['experts_consultations', 'experts_messages']) {
      this.schema.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_moderation`)
      this.schema.raw(`UPDATE ${table} SET moderation = 'held' WHERE moderation = 'rejected'`)
      this.schema.raw(`ALTER TABLE ${table} ALTER COLUMN moderation TYPE varchar(4)`)
    }
  }
}
