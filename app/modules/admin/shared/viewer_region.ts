import type { RegionScope } from '#core/regions/region_scope'

/** The widest of a person's centre scopes (the province before a city, a city before its counties): a region page's default. */
export function widestScope(scopes: RegionScope[]): RegionScope {
  return [...scopes].sort((a, b) => a.prefix.length - b.prefix.length || a.prefix.localeCompare(b.prefix))[0]
}
