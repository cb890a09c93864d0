import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A knowledge entry's public photos (issue 14 §3). The reporter's consent covers the
 * question and answer; a photo may still show a face, a house number or a phone number,
 * which no filter of ours can rule out. So no photo goes public with the entry: centre
 * staff look at each of the case's photos and choose those that show only the crop or
 * animal. A row is one photo they chose; its file is public while the entry is.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('experts_knowledge_photos', (table) => {
      table.bigIncrements('id')
      table.bigInteger('entry_id').notNullable().references('id').inTable('experts_knowledge_entries').onDelete('CASCADE')
      table.bigInteger('media_id').notNullable().references('id').inTable('media').onDelete('CASCADE')
      table.smallint('position').notNullable().defaultTo(0)
      table.bigInteger('chosen_by').notNullable().references('id').inTable('users')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['entry_id', 'media_id'])
    })
    this.schema.raw('ALTER TABLE experts_knowledge_revisions DROP CONSTRAINT experts_knowledge_revisions_kind')
    this.schema.raw(`ALTER TABLE experts_knowledge_revisions ADD CONSTRAINT experts_knowledge_revisions_kind CHECK (kind IN ('created', 'edited', 'withdrawn', 'merged', 'photos'))`)
  }

  async down() {
    this.schema.raw(`DELETE FROM experts_knowledge_revisions WHERE kind = 'photos'`)
    this.schema.raw('ALTER TABLE experts_knowledge_revisions DROP CONSTRAINT experts_knowledge_revisions_kind')
    this.schema.raw(`ALTER TABLE experts_knowledge_revisions ADD CONSTRAINT experts_knowledge_revisions_kind CHECK (kind IN ('created', 'edited', 'withdrawn', 'merged'))`)
    this.schema.dropTable('experts_knowledge_photos')
  }
}
