import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * normalized_text becomes what the fuzzy step compares: normalised text without Han
 * characters (fuzzyText in app/core/text/normalize.ts says why). Under a Unicode ctype
 * (C.UTF-8, zh_CN.UTF-8: every new embedded cluster, most servers) pg_trgm indexed every
 * Han trigram: a larger index, dearer writes, and a fuzzy scan for short Chinese queries
 * that cost 160 ms p95 at plan scale and found nothing the words had not. The indexes
 * are dropped around the rewrite, which is cheaper than updating them row by row.
 */
const HAN = String.raw`[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+`

export default class extends BaseSchema {
  async up() {
    this.schema.raw('DROP INDEX IF EXISTS text_documents_trgm')
    this.schema.raw('DROP INDEX IF EXISTS text_documents_expert_trgm')
    this.schema.raw(`UPDATE text_documents
      SET normalized_text = btrim(regexp_replace(regexp_replace(normalized_text, '${HAN}', ' ', 'g'), ' {2,}', ' ', 'g'))
      WHERE normalized_text ~ '${HAN}'`)
    this.schema.raw('CREATE INDEX text_documents_trgm ON text_documents USING gin (normalized_text gin_trgm_ops)')
    this.schema.raw(`CREATE INDEX text_documents_expert_trgm ON text_documents USING gin (normalized_text gin_trgm_ops) WHERE source_type = 'expert'`)
  }

  async down() {
    // The Han text is not kept apart: documents get it back when they are written again
    // (upsertDocument), and the fuzzy step works without it meanwhile.
  }
}
