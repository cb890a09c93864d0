import { BasePolicy } from '@adonisjs/bouncer'
import { AuthorizationResponse } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import { ADMIN_ROLES } from '#core/accounts/roles'
import { type RegionScope } from '#core/regions/region_scope'

/**
 * Administrators manage roles only inside their own region scope: a county admin of
 * 510104 cannot touch 510105; the city admin of 5101 can touch both. Only platform
 * administrators appoint platform administrators.
 */
export default class RoleGrantPolicy extends BasePolicy {
  async manage(actor: User) {
    return actor.hasRole(...ADMIN_ROLES)
  }

  /** A person is visible to an admin when they live in, or hold a role in, the admin's scope. */
  async view(actor: User, target: User) {
    const scopes = await actor.scopesFor(...ADMIN_ROLES)
    const grants = await target.grants()
    const visible =
      scopes.some((scope) => scope.contains(target.countyCode)) ||
      grants.some((grant) => grant.regionScope && scopes.some((scope) => scope.covers(grant.regionScope!)))
    return visible ? AuthorizationResponse.allow() : AuthorizationResponse.deny('Not found', 404)
  }

  /** `area`: the grant's scope for staff roles, the person's county otherwise (null when unknown). */
  async change(actor: User, role: Role, area: RegionScope | null) {
    if (role === 'platform_admin' && !(await actor.hasRole('platform_admin'))) return false
    const scopes = await actor.scopesFor(...ADMIN_ROLES)
    if (!area) return scopes.some((scope) => scope.level === 'province')
    return scopes.some((scope) => scope.covers(area))
  }
}
