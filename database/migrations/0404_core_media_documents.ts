import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Documents (PDF, Word, Excel, PowerPoint) in core media: a third kind, the long Office
 * content types, and the name a download is saved as. Numbered in the info range, whose
 * attachments needed it first; it changes only core's `media` table.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('ALTER TABLE media DROP CONSTRAINT media_kind')
    this.schema.alterTable('media', (table) => {
      table.string('kind', 8).notNullable().alter()
      table.string('content_type', 80).notNullable().alter()
      table.string('file_name', 120).nullable()
    })
    this.schema.raw(`ALTER TABLE media ADD CONSTRAINT media_kind CHECK (kind IN ('photo', 'video', 'document'))`)
  }

  async down() {
    this.schema.raw(`DELETE FROM media WHERE kind = 'document'`)
    this.schema.raw('ALTER TABLE media DROP CONSTRAINT media_kind')
    this.schema.alterTable('media', (table) => {
      table.dropColumn('file_name')
      table.string('content_type', 20).notNullable().alter()
      table.string('kind', 5).notNullable().alter()
    })
    this.schema.raw(`ALTER TABLE media ADD CONSTRAINT media_kind CHECK (kind IN ('photo', 'video'))`)
  }
}
