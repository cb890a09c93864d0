import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 我的登录设备's "sign out this device": the signed-out session's key is kept on the person
 * (the newest few), so the session stays ended even when a request that was in flight writes
 * its row back after the delete — the same guarantee the session generation gives "sign out
 * everywhere" (#core/accounts/sessions).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.specificType('revoked_session_keys', 'text[]').notNullable().defaultTo('{}')
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('revoked_session_keys')
    })
  }
}
