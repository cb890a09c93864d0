import { AuthorizationResponse } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES, type Role } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'

/**
 * Who works on 产业信息: operation-centre staff and admins, each in their region scope.
 * A record belongs to its region (a county, a city or the province), so the person who
 * writes, reviews or signs it must hold one of these roles in a scope that covers the
 * whole region: county staff work on their county's records; a city record needs city
 * (or province) staff, a province-wide one the province.
 */
export const INFO_ROLES: readonly Role[] = SCOPED_ROLES

/** The role a person acts in on a record of this region (510000, 51xx00 or a county), or null. */
export async function roleFor(user: User, regionCode: string): Promise<Role | null> {
  const region = RegionScope.fromRegionCode(regionCode)
  const grant = (await user.grants()).find((candidate) => INFO_ROLES.includes(candidate.role) && candidate.regionScope?.covers(region))
  return grant?.role ?? null
}

/** For policies: a record outside every scope of the person does not exist for them (404). */
export async function allowForRegion(user: User, regionCode: string) {
  return (await roleFor(user, regionCode)) ? AuthorizationResponse.allow() : AuthorizationResponse.deny('Not found', 404)
}
