import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('media', (table) => {
      table.bigIncrements('id')
      // Random and unguessable: URLs carry this, never the serial id or a storage key.
      table.string('public_id', 22).notNullable().unique()
      table.bigInteger('owner_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('kind', 5).notNullable()
      table.string('visibility', 7).notNullable()
      // County of the record the file belongs to: staff see private media inside their scope.
      table.string('county_code', 6).nullable().references('code').inTable('regions')
      // Filled in by the module that attaches the file (e.g. 'consultation', 42).
      table.string('subject_type', 40).nullable()
      table.bigInteger('subject_id').nullable()
      table.string('content_type', 20).notNullable()
      table.string('storage_key', 120).notNullable()
      table.bigInteger('size').notNullable()
      table.string('thumb_key', 120).nullable()
      table.integer('thumb_size').nullable()
      table.integer('width').nullable()
      table.integer('height').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.raw(`ALTER TABLE media ADD CONSTRAINT media_kind CHECK (kind IN ('photo', 'video'))`)
    this.schema.raw(`ALTER TABLE media ADD CONSTRAINT media_visibility CHECK (visibility IN ('public', 'private'))`)
    this.schema.raw('CREATE INDEX media_owner ON media (owner_id, id DESC)')
    this.schema.raw('CREATE INDEX media_subject ON media (subject_type, subject_id) WHERE subject_type IS NOT NULL')
  }

  async down() {
    this.schema.dropTable('media')
  }
}
