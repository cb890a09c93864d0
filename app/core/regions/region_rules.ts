import vine from '@vinejs/vine'
import type { RegionLevel } from '#core/regions/region'
import { REGION_CODE } from '#core/regions/region_scope'

/**
 * The form rules for region codes (GB/T 2260, 6 digits under 51). Every picker of a
 * county, a scope or a statistics region validates through these.
 */

/** A code of the right shape (510000, 510100, 510104), not looked up: a filter that only narrows a query. */
export const regionCodeRule = () => vine.string().trim().regex(REGION_CODE)

/** A region of the regions table (the province, a city or a county); `level` admits only that level. */
export const knownRegionRule = (level?: RegionLevel) =>
  regionCodeRule().exists({
    table: 'regions',
    column: 'code',
    filter: level
      ? (query) => {
          query.where('level', level)
        }
      : undefined,
  })

/** A county of Sichuan that exists in the regions table (where a person lives, where a case is). */
export const countyRule = () => knownRegionRule('county')
