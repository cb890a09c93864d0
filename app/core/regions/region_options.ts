import { RegionScope } from '#core/regions/region_scope'
import regionDirectory from '#core/regions/region_directory'

export interface RegionOption {
  code: string
  label: string
  level: 'province' | 'city' | 'county'
}

/**
 * The regions a person may pick (a grant's scope, a breaker, a statistics or export
 * region): each of their scopes and every region beneath it, as 6-digit codes with
 * names, province first, then each city followed by its counties.
 */
export async function regionOptions(scopes: RegionScope[]): Promise<RegionOption[]> {
  const options: RegionOption[] = []
  if (scopes.some((scope) => scope.level === 'province')) {
    options.push({ code: '510000', label: await regionDirectory.fullName('510000'), level: 'province' })
  }
  for (const { city, counties } of await regionDirectory.tree()) {
    if (scopes.some((scope) => scope.covers(RegionScope.fromRegionCode(city.code)))) {
      options.push({ code: city.code, label: city.name, level: 'city' })
    }
    for (const county of counties) {
      if (scopes.some((scope) => scope.contains(county.code))) {
        options.push({ code: county.code, label: `${city.name} ${county.name}`, level: 'county' })
      }
    }
  }
  return options
}
