import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { industryNames } from '#core/industries/industry_directory'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import Seller, { SELLER_KINDS, type SellerKind } from '#modules/supply/models/seller'
import { currentSeason } from '#modules/supply/shared/seasons'

export const PER_PAGE = 20
const MAX_PAGE = 10_000

export interface BrowseFilters {
  city: string
  county: string
  industry: string
  kind: SellerKind | ''
  page: number
}

/**
 * The list's query string, made safe: a value that cannot be one of ours (an unknown
 * industry, a county outside Sichuan or outside the chosen city) is dropped rather than
 * answered with an error page — filters are links.
 */
export async function browseFilters(qs: Record<string, unknown>): Promise<BrowseFilters> {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
  const city = (await regionDirectory.find(text(qs.city)))?.level === 'city' ? text(qs.city) : ''
  const countyRegion = await regionDirectory.find(text(qs.county_code))
  const county =
    countyRegion?.level === 'county' && (!city || RegionScope.fromRegionCode(city).contains(countyRegion.code)) ? countyRegion.code : ''
  const industry = text(qs.industry)
  const kind = text(qs.kind) as SellerKind
  const page = Number.parseInt(text(qs.page), 10)
  return {
    city,
    county,
    industry: (await industryNames()).has(industry) ? industry : '',
    kind: SELLER_KINDS.includes(kind) ? kind : '',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  }
}

/** Selected sellers matching the filters, newest first, PER_PAGE a page. */
export function listSelected(filters: BrowseFilters) {
  const query = Seller.query().where('status', 'selected')
  const code = filters.county || filters.city
  RegionScope.constrain(query, [code ? RegionScope.fromRegionCode(code) : RegionScope.province])
  if (filters.industry) query.whereRaw('industries @> ARRAY[?]::text[]', [filters.industry])
  if (filters.kind) query.where('kind', filters.kind)
  // Recommended for the season first: the centre's choice for what farms need now.
  return query.orderByRaw('(recommended_season IS NOT DISTINCT FROM ?) DESC', [currentSeason()]).orderBy('id', 'desc').paginate(filters.page, PER_PAGE)
}

/** A selected seller by id, or null (proposed, removed and unknown ids alike). */
export function findSelectedSeller(id: number | string) {
  if (!/^\d{1,18}$/.test(String(id))) return Promise.resolve(null)
  return Seller.query().where('id', id).where('status', 'selected').first()
}

/** Proposals waiting in the person's scope (the centre home's badge). */
export async function proposedCount(user: User) {
  const scopes = await user.scopesFor(...SCOPED_ROLES)
  if (!scopes.length) return 0
  const [row] = await RegionScope.constrain(Seller.query().where('status', 'proposed'), scopes).count('* as n')
  return Number(row.$extras.n)
}

/** The public list's address for these filters, for links from other modules' pages. */
export function sellersPath(filters: { industry?: string; countyCode?: string; kind?: SellerKind } = {}) {
  const query = new URLSearchParams(
    Object.entries({ industry: filters.industry, county_code: filters.countyCode, kind: filters.kind }).filter((entry): entry is [string, string] => !!entry[1])
  ).toString()
  return query ? `/supply?${query}` : '/supply'
}
