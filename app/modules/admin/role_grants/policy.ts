import { BasePolicy } from '@adonisjs/bouncer'
import { AuthorizationResponse } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import { ADMIN_ROLES } from '#core/accounts/roles'
import { type RegionScope } from '#core/regions/region_scope'

/** Staff roles by level; the other roles (farmer, expert, …) rank below every staff role. */
const RANK: Partial<Record<Role, number>> = { center_staff: 1, center_admin: 2, platform_admin: 3 }
const rank = (role: Role) => RANK[role] ?? 0

/**
 * Whether one of the actor's admin grants stands above a grant of `role` over `area`:
 * its scope covers the area, and is wider or (same scope) of a higher role — or, with
 * `orEqual`, the same role. Platform administrators stand above everyone.
 */
async function standsAbove(actor: User, role: Role, area: RegionScope | null, orEqual: boolean) {
  const grants = (await actor.grants()).filter((grant) => ADMIN_ROLES.includes(grant.role) && grant.regionScope)
  if (grants.some((grant) => grant.role === 'platform_admin')) return true
  return grants.some((grant) => {
    const scope = grant.regionScope!
    if (!area) return scope.level === 'province'
    if (!scope.covers(area)) return false
    if (scope.prefix.length < area.prefix.length) return true
    return orEqual ? rank(grant.role) >= rank(role) : rank(grant.role) > rank(role)
  })
}

/**
 * Administrators manage roles only inside their own region scope and below their own
 * level: a county admin of 510104 cannot touch 510105; the city admin of 5101 can touch
 * both, but neither another city admin of 5101 nor their own grant, and sees the page
 * of someone holding a higher level (a platform administrator) as 403. Only platform
 * administrators appoint platform administrators.
 */
export default class RoleGrantPolicy extends BasePolicy {
  async manage(actor: User) {
    return actor.hasRole(...ADMIN_ROLES)
  }

  /** A person is visible to an admin when they live in, or hold a role in, the admin's scope; one who outranks the admin is not theirs to see. */
  async view(actor: User, target: User) {
    const scopes = await actor.scopesFor(...ADMIN_ROLES)
    const grants = await target.grants()
    const visible =
      scopes.some((scope) => scope.contains(target.countyCode)) ||
      grants.some((grant) => grant.regionScope && scopes.some((scope) => scope.covers(grant.regionScope!)))
    if (!visible) return AuthorizationResponse.deny('Not found', 404)
    for (const grant of grants) {
      if (grant.regionScope && !(await standsAbove(actor, grant.role, grant.regionScope, true))) return AuthorizationResponse.deny('Forbidden', 403)
    }
    return AuthorizationResponse.allow()
  }

  /** `area`: the grant's scope for staff roles, the person's county otherwise (null when unknown). */
  async change(actor: User, role: Role, area: RegionScope | null) {
    if (role === 'platform_admin' && !(await actor.hasRole('platform_admin'))) return false
    return standsAbove(actor, role, area, false)
  }
}
