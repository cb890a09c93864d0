import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('notifications', (table) => {
      table.bigIncrements('id')
      table.bigInteger('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      // What happened, as module.event (e.g. consultation.assigned): for filtering and statistics.
      table.string('kind', 60).notNullable()
      table.string('title', 100).notNullable()
      table.text('body').nullable()
      // A path inside the site, never an outside URL.
      table.string('link', 500).nullable()
      table.timestamp('read_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    // A person's list, newest first.
    this.schema.raw('CREATE INDEX notifications_user_newest ON notifications (user_id, id DESC)')
    // The unread count in the tab bar, on every page: only unread rows are in this index.
    this.schema.raw('CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL')
  }

  async down() {
    this.schema.dropTable('notifications')
  }
}
