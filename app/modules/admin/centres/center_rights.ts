import type { Role } from '#core/accounts/roles'
import { ADMIN_ROLES, SCOPED_ROLES } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'
import type { CenterLevel } from '#modules/admin/models/operation_center'

/** A role held in a region (a staff grant), as the rules below read it. */
export interface HeldGrant {
  role: Role
  scope: RegionScope | null
}

/** Staff who fill their own centre's checklist. */
const CENTRE_PEOPLE: readonly Role[] = ['center_staff', 'center_admin']

/** The level a region code stands for as an operation centre (510000, 510100, 510104); a village station names its village. */
export function levelOf(regionCode: string, villageCode: string | null): CenterLevel {
  if (villageCode) return 'village'
  return RegionScope.fromRegionCode(regionCode).level
}

/** Whether `scope` lies above `target`: it covers it and is wider (the province above a city, a city above its counties). */
function above(scope: RegionScope, target: RegionScope) {
  return scope.covers(target) && scope.prefix.length < target.prefix.length
}

/**
 * Who registers a centre: an administrator of the level above (the province's for a city,
 * a city's for its counties; a platform administrator for the province's own). Village
 * stations are registered by their county's administrators, or anyone above them.
 */
export function mayRegister(grants: HeldGrant[], level: CenterLevel, region: RegionScope): boolean {
  return grants.some(({ role, scope }) => {
    if (!scope || !ADMIN_ROLES.includes(role)) return false
    if (level === 'province') return role === 'platform_admin'
    return level === 'village' ? scope.covers(region) : above(scope, region)
  })
}

/** Who fills a centre's 六有 checklist: its own staff and administrators (a village station's: its county centre's). */
export function mayFill(grants: HeldGrant[], centre: { scope: RegionScope }): boolean {
  return grants.some(({ role, scope }) => !!scope && CENTRE_PEOPLE.includes(role) && scope.prefix === centre.scope.prefix)
}

/**
 * Who reviews it: the level above — staff of a wider scope holding the centre's region;
 * platform administrators for the province's own centre; for a village station, which has no
 * staff of its own, the county's administrators too (never the person who filled the item).
 */
export function mayReview(grants: HeldGrant[], centre: { level: CenterLevel; scope: RegionScope }): boolean {
  return grants.some(({ role, scope }) => {
    if (!scope || !SCOPED_ROLES.includes(role)) return false
    if (centre.level === 'province') return role === 'platform_admin'
    if (centre.level === 'village' && ADMIN_ROLES.includes(role) && scope.covers(centre.scope)) return true
    return above(scope, centre.scope)
  })
}

export function heldGrants(grants: { role: Role; regionScope: RegionScope | null }[]): HeldGrant[] {
  return grants.map((grant) => ({ role: grant.role, scope: grant.regionScope }))
}
