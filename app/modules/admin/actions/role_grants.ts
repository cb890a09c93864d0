import User from '#core/accounts/models/user'
import RoleGrant from '#core/accounts/models/role_grant'
import { isScopedRole, type Role } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'

export class AlreadyGrantedError extends Error {}

/** Where a grant applies: its own scope for staff roles, the holder's county for the rest. */
export function grantArea(role: Role, scope: string | null, holder: User): RegionScope | null {
  if (isScopedRole(role)) return scope ? RegionScope.fromPrefix(scope) : null
  return holder.countyCode ? RegionScope.fromRegionCode(holder.countyCode) : null
}

export async function grantRole(actor: User, holder: User, role: Role, scope: RegionScope | null) {
  const existing = await RoleGrant.query()
    .where({ userId: holder.id, role })
    .where((query) => (scope ? query.where('scope', scope.prefix) : query.whereNull('scope')))
    .first()
  if (existing) throw new AlreadyGrantedError()
  return RoleGrant.create({
    userId: holder.id,
    role,
    scope: isScopedRole(role) ? scope!.prefix : null,
    grantedById: actor.id,
  })
}

export async function revokeRole(grant: RoleGrant) {
  await grant.delete()
}
