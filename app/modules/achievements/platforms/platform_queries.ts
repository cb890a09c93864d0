import db from '@adonisjs/lucid/services/db'
import { countyCountMap, mapCountyCodes } from '#core/regions/county_map'
import regionDirectory from '#core/regions/region_directory'
import InnovationPlatform from '#modules/achievements/models/innovation_platform'

export const PER_PAGE = 20

/** Platforms per county (counties with none are absent). */
export async function platformCounts(): Promise<Record<string, number>> {
  const rows = await db.from('achievements_platforms').groupBy('county_code').select('county_code').count('* as n')
  return Object.fromEntries(rows.map((row) => [row.county_code, Number(row.n)]))
}

/** The map: counties coloured by their count, each linking to its list, titled "成都市 锦江区：3 个". */
export async function platformMap(titleOf: (name: string, count: number) => string) {
  const counts = await platformCounts()
  return {
    counts,
    ...countyCountMap(counts, {
      hrefOf: (code) => `/achievements/platforms/counties/${code}`,
      titleOf: (county, count) => titleOf(`${county.cityName} ${county.name}`, count),
    }),
  }
}

/** Whether a county code from the URL is one of the map's (and the regions'): else 404. */
export function isMapCounty(code: string) {
  return mapCountyCodes().includes(code)
}

/** A county's platforms, newest first, PER_PAGE a page. */
export async function platformsOf(countyCode: string, page: number) {
  const rows = await InnovationPlatform.query()
    .where('county_code', countyCode)
    .orderBy('id', 'desc')
    .limit(PER_PAGE + 1)
    .offset((page - 1) * PER_PAGE)
  return { platforms: rows.slice(0, PER_PAGE), page, hasMore: rows.length > PER_PAGE, countyName: await regionDirectory.fullName(countyCode) }
}
