import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Matching (issue 17 §2) asks the text engine for the other side's published demands or
 * offers. Like the expert directory (0311), the knowledge base (0372) and the info records
 * (0407), each side gets a partial GIN index of its own: on the shared index a listing's
 * words also found a thousand cases and products, whose rows were read and thrown away
 * (at plan scale half the heap blocks of an offer's match query, 130–160 ms cold).
 * Published only: the matcher never looks at held or withdrawn listings.
 */
const SOURCES = { demand: 'achievements.demand', offer: 'achievements.offer' }

export default class extends BaseSchema {
  async up() {
    for (const [name, source] of Object.entries(SOURCES)) {
      this.schema.raw(`CREATE INDEX IF NOT EXISTS text_documents_achievements_${name}_search ON text_documents USING gin (search_vector) WHERE source_type = '${source}' AND public`)
    }
  }

  async down() {
    for (const name of Object.keys(SOURCES)) this.schema.raw(`DROP INDEX IF EXISTS text_documents_achievements_${name}_search`)
  }
}
