import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import RoleGrant from '#core/accounts/models/role_grant'
import type { Role } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'
import { maskPhone } from '#core/accounts/mask'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['phone'],
  passwordColumnName: 'password',
})

export default class User extends compose(BaseModel, AuthFinder) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare phone: string

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare name: string | null

  @column()
  declare countyCode: string | null

  @column()
  declare village: string | null

  /** Bumped to end every session of the person at once (#core/accounts/sessions, signOutEverywhere). */
  @column({ serializeAs: null })
  declare sessionGeneration: number

  /** Keys of single sessions signed out (#core/accounts/devices): refused even if their row comes back. */
  @column({ serializeAs: null })
  declare revokedSessionKeys: string[]

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  /** 停用: set by an administrator (#core/accounts/deactivation); a deactivated person cannot sign in. */
  @column.dateTime()
  declare deactivatedAt: DateTime | null

  @column()
  declare deactivationReason: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => RoleGrant)
  declare roleGrants: HasMany<typeof RoleGrant>

  /** The person's grants, loaded once per request. */
  async grants(): Promise<RoleGrant[]> {
    if (!this.$preloaded.roleGrants) await (this as User).load('roleGrants')
    return this.roleGrants
  }

  async hasRole(...roles: Role[]): Promise<boolean> {
    return (await this.grants()).some((grant) => roles.includes(grant.role))
  }

  /** The region scopes in which this person holds any of the given (scoped) roles. */
  async scopesFor(...roles: Role[]): Promise<RegionScope[]> {
    return (await this.grants())
      .filter((grant) => roles.includes(grant.role) && grant.scope)
      .map((grant) => grant.regionScope!)
  }

  /** "138****5678": phones are masked wherever a person is shown to someone else. */
  get maskedPhone(): string {
    return maskPhone(this.phone)
  }
}
