import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'
import regionDirectory from '#core/regions/region_directory'

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

export interface RegionOption {
  code: string
  label: string
  level: 'province' | 'city' | 'county'
}

/** The regions a person may look at: each of their scopes and every region beneath it. */
export async function regionOptions(scopes: RegionScope[]): Promise<RegionOption[]> {
  const options: RegionOption[] = []
  if (scopes.some((scope) => scope.level === 'province')) {
    options.push({ code: '510000', label: await regionDirectory.fullName('510000'), level: 'province' })
  }
  for (const { city, counties } of await regionDirectory.tree()) {
    const cityScope = RegionScope.fromRegionCode(city.code)
    if (scopes.some((scope) => scope.covers(cityScope))) options.push({ code: city.code, label: city.name, level: 'city' })
    for (const county of counties.filter((candidate) => scopes.some((scope) => scope.contains(candidate.code)))) {
      options.push({ code: county.code, label: `${city.name} ${county.name}`, level: 'county' })
    }
  }
  return options
}
