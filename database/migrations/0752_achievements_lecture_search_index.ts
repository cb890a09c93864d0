import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 特派员讲堂's search box goes through the text engine's index of the lectures (source
 * achievements.lecture, a directory): like the other directories they get a partial GIN
 * index of their own, so a common word does not walk the million cases' entries.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE INDEX IF NOT EXISTS text_documents_achievements_lecture_search ON text_documents USING gin (search_vector) WHERE source_type = 'achievements.lecture' AND public`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS text_documents_achievements_lecture_search')
  }
}
