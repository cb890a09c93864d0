import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import { type RegionScope } from '#core/regions/region_scope'

/** 回访: the centre's staff and administrators phone the reporters of their scope. */
export const FOLLOWUP_ROLES: readonly Role[] = ['center_staff', 'center_admin']
/** Statistics and exports of expert-service records, each within the person's scope. */
export const STATISTICS_ROLES: readonly Role[] = ['center_staff', 'center_admin', 'platform_admin']
/**
 * Who sees reporters' phone numbers in full in an export: administrators answer for
 * the data of their region; staff exports are masked (the export page says so).
 */
export const PHONE_ROLES: readonly Role[] = ['center_admin', 'platform_admin']

/** The role a person acts in on a record of this county: the first of `roles` whose scope holds it. */
export async function actingRole(user: User, countyCode: string, roles: readonly Role[]): Promise<Role | null> {
  const grant = (await user.grants()).find(
    (candidate) => roles.includes(candidate.role) && candidate.regionScope?.contains(countyCode)
  )
  return grant?.role ?? null
}

/** The role through which a person covers a whole region (for statistics and exports). */
export async function roleCovering(user: User, region: RegionScope, roles: readonly Role[]): Promise<Role | null> {
  const grant = (await user.grants()).find(
    (candidate) => roles.includes(candidate.role) && candidate.regionScope?.covers(region)
  )
  return grant?.role ?? null
}

