import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 特派员风采's curated story (issue 17 §5): one story per verified expert, written by
 * centre staff of the expert's county (or its city, or the province), with up to six
 * public photos (media, subject achievements.expert_story). Shown on the showcase page.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('achievements_expert_stories', (table) => {
      table.bigIncrements('id')
      table.bigInteger('expert_id').notNullable().unique().references('id').inTable('experts_profiles').onDelete('CASCADE')
      table.string('title', 60).notNullable()
      table.text('body').notNullable()
      table.bigInteger('written_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable('achievements_expert_stories')
  }
}
