import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * similar() and search() pick a query's candidates by how many documents hold each
 * token, read from Postgres's statistics of the tsvector (app/core/text/
 * token_statistics.ts). The default target lists the 1,000 most common tokens
 * (down to ~0.3 % of documents, 3,000 cases at plan scale); 1,000 lists 10,000,
 * down to a few hundred cases, so that a token missing from the list is known to be
 * rare. ANALYZE samples more rows for it (seconds at a million documents).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('ALTER TABLE text_documents ALTER COLUMN search_vector SET STATISTICS 1000')
  }

  async down() {
    this.schema.raw('ALTER TABLE text_documents ALTER COLUMN search_vector SET STATISTICS -1')
  }
}
