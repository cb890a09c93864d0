import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Role } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'

export default class RoleGrant extends BaseModel {
  static table = 'role_grants'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare role: Role

  @column()
  declare scope: string | null

  @column()
  declare grantedById: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  get regionScope(): RegionScope | null {
    return this.scope ? RegionScope.fromPrefix(this.scope) : null
  }
}
