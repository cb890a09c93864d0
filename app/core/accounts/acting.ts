import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import type { RegionScope } from '#core/regions/region_scope'

/*
 * Who does something, in which role and from where: what every audit row records.
 * One set of helpers for every module, so "the role someone acts in" is decided one way.
 */

/** Who acts, and from where (an applicant has no staff role to act in). */
export interface Actor {
  actor: User
  ip: string | null
}

/** Who acts, in which role, and from where. */
export interface Acting extends Actor {
  actorRole: Role
}

/** The most senior staff role the person holds (content safety, role grants: scope is checked by the policy). */
export async function actingAs(actor: User, ip: string | null): Promise<Acting> {
  for (const role of ['platform_admin', 'center_admin', 'center_staff'] as const) {
    if (await actor.hasRole(role)) return { actor, actorRole: role, ip }
  }
  throw new Error('Only staff act here')
}

/** The role a person acts in on a record of this county: the first of `roles` whose scope holds it. */
export async function actingRole(user: User, countyCode: string, roles: readonly Role[]): Promise<Role | null> {
  const grant = (await user.grants()).find((candidate) => roles.includes(candidate.role) && candidate.regionScope?.contains(countyCode))
  return grant?.role ?? null
}

/** The role through which a person covers a whole region (for statistics and exports). */
export async function roleCovering(user: User, region: RegionScope, roles: readonly Role[]): Promise<Role | null> {
  const grant = (await user.grants()).find((candidate) => roles.includes(candidate.role) && candidate.regionScope?.covers(region))
  return grant?.role ?? null
}
