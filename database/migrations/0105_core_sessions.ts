import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Server-side sessions (config/session.ts, the session package's database store): the
 * browser holds only a signed session id, so logging out deletes the row and a copied
 * cookie opens nothing. Every app instance reads the same table.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('sessions', (table) => {
      // The store's columns (@adonisjs/session DatabaseStore): id, signed data, tag, expiry.
      table.string('id', 64).primary()
      table.text('data').notNullable()
      // The signed-in person (DatabaseStore.tag at login): "sign out everywhere" also deletes these rows.
      table.string('user_id', 20).nullable().index()
      table.timestamp('expires_at', { useTz: true }).notNullable().index()
    })

    // Bumped by signOutEverywhere (#core/accounts/sessions): a session signed in under an older
    // generation is refused on its next request, even one that was in flight when the rows were deleted.
    this.schema.alterTable('users', (table) => {
      table.integer('session_generation').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('session_generation')
    })
    this.schema.dropTable('sessions')
  }
}
