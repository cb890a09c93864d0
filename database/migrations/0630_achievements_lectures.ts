import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 特派员讲堂 (issue 17 §4): a verified expert's lecture video (a media row, public), its
 * low-bitrate rendition for 2G/3G phones made by a queue job with ffmpeg (`rendition`:
 * pending → ready, or unavailable when ffmpeg is missing or fails: the original still
 * plays), and a view count.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('achievements_lectures', (table) => {
      table.bigIncrements('id')
      table.bigInteger('expert_user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('title', 60).notNullable()
      table.text('summary').notNullable()
      table.string('industry', 30).notNullable()
      table.bigInteger('video_id').notNullable().references('id').inTable('media')
      table.bigInteger('rendition_id').nullable().references('id').inTable('media').onDelete('SET NULL')
      table.string('rendition', 12).notNullable().defaultTo('pending')
      table.integer('views').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['industry', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('achievements_lectures')
  }
}
