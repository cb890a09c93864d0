import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Passkey challenges once answered (#core/accounts/passkeys): a second answer to the same
 * challenge is refused even when both arrive together and read the session before either
 * has taken the challenge out — which the signature counter alone does not stop for
 * authenticators that keep no counter (always 0). Rows older than a challenge's life are
 * cleared as new ones come.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('passkey_challenges', (table) => {
      table.string('challenge', 128).primary()
      table.timestamp('used_at', { useTz: true }).notNullable().index()
    })
  }

  async down() {
    this.schema.dropTable('passkey_challenges')
  }
}
