import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 通行密钥 (passkeys, the plan's "fingerprint" login, 五(三)5): a person's WebAuthn credentials,
 * several per account, each with a name they chose and when it last signed them in. The
 * public key is what the phone's authenticator made; the counter refuses a replayed assertion.
 *
 * And an account's deactivation (停用, by an administrator, with a reason): a deactivated
 * person cannot sign in, whichever way, until reactivated.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('passkeys', (table) => {
      table.bigIncrements('id')
      table.bigInteger('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE').index()
      // The credential id as the browser sends it (base64url); an assertion names its passkey by it.
      table.string('credential_id', 1400).notNullable().unique()
      table.binary('public_key').notNullable()
      table.bigInteger('counter').notNullable().defaultTo(0)
      table.specificType('transports', 'text[]').notNullable().defaultTo('{}')
      table.string('name', 30).notNullable()
      table.boolean('backed_up').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('last_used_at', { useTz: true }).nullable()
    })

    this.schema.alterTable('users', (table) => {
      table.timestamp('deactivated_at', { useTz: true }).nullable()
      table.string('deactivation_reason', 200).nullable()
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('deactivation_reason')
      table.dropColumn('deactivated_at')
    })
    this.schema.dropTable('passkeys')
  }
}
