import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One of a person's 通行密钥 (passkeys): a WebAuthn credential of a phone's platform authenticator. */
export default class Passkey extends BaseModel {
  static table = 'passkeys'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  /** base64url, as the browser names the credential in an assertion. */
  @column()
  declare credentialId: string

  @column({ serializeAs: null })
  declare publicKey: Buffer

  /** The authenticator's signature counter at the last sign-in (0 for authenticators that keep none). */
  @column({ consume: (value) => Number(value) })
  declare counter: number

  @column()
  declare transports: string[]

  @column()
  declare name: string

  @column()
  declare backedUp: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare lastUsedAt: DateTime | null
}
