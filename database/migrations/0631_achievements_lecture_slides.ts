import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 特派员讲堂 slides (issue 17 §4): a lecture is a video or a PDF of slides (a media
 * document, public), exactly one of the two. A queue job turns the PDF's pages into
 * images with pdftoppm (poppler-utils), one public photo per page, so a phone shows the
 * slides page by page; `rendition` is that job's state for slides as for videos (pending
 * → ready, or unavailable without pdftoppm: the PDF can still be downloaded).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('achievements_lectures', (table) => {
      table.bigInteger('video_id').nullable().alter()
      table.bigInteger('slides_id').nullable().references('id').inTable('media')
      table.integer('page_count').notNullable().defaultTo(0)
    })
    this.schema.raw('ALTER TABLE achievements_lectures ADD CONSTRAINT achievements_lectures_video_or_slides CHECK ((video_id IS NULL) <> (slides_id IS NULL))')
    this.schema.createTable('achievements_lecture_pages', (table) => {
      table.bigInteger('lecture_id').notNullable().references('id').inTable('achievements_lectures').onDelete('CASCADE')
      table.integer('page').notNullable()
      table.bigInteger('media_id').notNullable().references('id').inTable('media')
      table.primary(['lecture_id', 'page'])
    })
  }

  async down() {
    this.schema.dropTable('achievements_lecture_pages')
    this.schema.raw('ALTER TABLE achievements_lectures DROP CONSTRAINT achievements_lectures_video_or_slides')
    this.schema.alterTable('achievements_lectures', (table) => {
      table.dropColumn('page_count')
      table.dropColumn('slides_id')
    })
  }
}
