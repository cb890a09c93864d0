import { RegionScope } from '#core/regions/region_scope'
import regionDirectory from '#core/regions/region_directory'

/**
 * Regions an admin may pick as a scope (for a role grant, a circuit breaker): each of
 * its scopes and everything beneath, as 6-digit codes with their names.
 */
export async function scopeOptions(scopes: RegionScope[]) {
  const tree = await regionDirectory.tree()
  const options: { code: string; label: string }[] = []
  if (scopes.some((scope) => scope.level === 'province')) {
    options.push({ code: '510000', label: await regionDirectory.fullName('510000') })
  }
  for (const { city, counties } of tree) {
    if (scopes.some((scope) => scope.covers(RegionScope.fromRegionCode(city.code)))) {
      options.push({ code: city.code, label: city.name })
    }
    for (const county of counties) {
      if (scopes.some((scope) => scope.contains(county.code))) {
        options.push({ code: county.code, label: `${city.name} ${county.name}` })
      }
    }
  }
  return options
}
