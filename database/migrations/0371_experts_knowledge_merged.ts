import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Duplicate knowledge entries (issue 14 §3): centre staff merge one into another. The
 * merged entry leaves the public pages, its address answers with a permanent redirect to
 * the entry it went into (a link shared in a WeChat group keeps working), and the merge is
 * a revision like any other change.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('experts_knowledge_entries', (table) => {
      table.bigInteger('merged_into_id').nullable().references('id').inTable('experts_knowledge_entries')
    })
    this.schema.raw('ALTER TABLE experts_knowledge_entries DROP CONSTRAINT experts_knowledge_entries_state')
    this.schema.raw(`ALTER TABLE experts_knowledge_entries ADD CONSTRAINT experts_knowledge_entries_state CHECK (state IN ('published', 'withdrawn', 'merged'))`)
    this.schema.raw(`ALTER TABLE experts_knowledge_entries ADD CONSTRAINT experts_knowledge_entries_merged
      CHECK ((state = 'merged') = (merged_into_id IS NOT NULL) AND merged_into_id IS DISTINCT FROM id)`)
    this.schema.raw('ALTER TABLE experts_knowledge_revisions DROP CONSTRAINT experts_knowledge_revisions_kind')
    this.schema.raw(`ALTER TABLE experts_knowledge_revisions ADD CONSTRAINT experts_knowledge_revisions_kind CHECK (kind IN ('created', 'edited', 'withdrawn', 'merged'))`)
  }

  async down() {
    this.schema.raw(`DELETE FROM experts_knowledge_revisions WHERE kind = 'merged'`)
    this.schema.raw('ALTER TABLE experts_knowledge_revisions DROP CONSTRAINT experts_knowledge_revisions_kind')
    this.schema.raw(`ALTER TABLE experts_knowledge_revisions ADD CONSTRAINT experts_knowledge_revisions_kind CHECK (kind IN ('created', 'edited', 'withdrawn'))`)
    this.schema.raw(`UPDATE experts_knowledge_entries SET state = 'published', merged_into_id = NULL WHERE state = 'merged'`)
    this.schema.raw('ALTER TABLE experts_knowledge_entries DROP CONSTRAINT experts_knowledge_entries_merged')
    this.schema.raw('ALTER TABLE experts_knowledge_entries DROP CONSTRAINT experts_knowledge_entries_state')
    this.schema.raw(`ALTER TABLE experts_knowledge_entries ADD CONSTRAINT experts_knowledge_entries_state CHECK (state IN ('published', 'withdrawn'))`)
    this.schema.alterTable('experts_knowledge_entries', (table) => {
      table.dropColumn('merged_into_id')
    })
  }
}
