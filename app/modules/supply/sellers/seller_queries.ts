import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { industryNames } from '#core/industries/industry_directory'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import Seller, { SELLER_KINDS, type SellerKind } from '#modules/supply/models/seller'
import { currentSeason } from '#core/seasons'

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

/** Counting stops here: "1000 多家" says enough, and a broad filter then costs no more than a narrow one. */
export const COUNT_CAP = 1000
/** How many of the season's recommended sellers head the first page. */
const RECOMMENDED_SHOWN = 5

export interface SellerPage {
  /** The centre's recommendations for this season (first page only), then the rest newest first. */
  recommended: Seller[]
  sellers: Seller[]
  page: number
  hasMore: boolean
  /** At most COUNT_CAP; `totalCapped` when there are more. */
  total: number
  totalCapped: boolean
}

/**
 * Selected sellers matching the filters, PER_PAGE a page: every filter is an indexed
 * predicate (partial index on selected sellers' county prefix and id, GIN on industries),
 * the rows come newest first straight off the index, the count stops at COUNT_CAP and
 * whether a next page exists comes from one row more than the page — so a page costs
 * about the same at 20,000 sellers as at 20. The season's recommendations are a short
 * list of their own on the first page (sorting them first in the main list would sort
 * every matching row).
 */
export async function listSelected(filters: BrowseFilters): Promise<SellerPage> {
  const base = Seller.query().where('status', 'selected')
  const code = filters.county || filters.city
  RegionScope.constrain(base, [code ? RegionScope.fromRegionCode(code) : RegionScope.province])
  if (filters.industry) base.whereRaw('industries @> ARRAY[?]::text[]', [filters.industry])
  if (filters.kind) base.where('kind', filters.kind)
  const season = currentSeason()
  const [recommended, rows, counted] = await Promise.all([
    filters.page === 1 ? base.clone().where('recommended_season', season).orderBy('id', 'desc').limit(RECOMMENDED_SHOWN) : Promise.resolve([]),
    base
      .clone()
      .orderBy('id', 'desc')
      .limit(PER_PAGE + 1)
      .offset((filters.page - 1) * PER_PAGE),
    // Up to COUNT_CAP + 1 ids off the index, as plain rows: the capped count.
    base.clone().select('id').limit(COUNT_CAP + 1).pojo<{ id: number }>(),
  ])
  const shownIds = new Set(recommended.map((seller) => Number(seller.id)))
  const total = counted.length
  return {
    recommended,
    sellers: rows.slice(0, PER_PAGE).filter((seller) => !shownIds.has(Number(seller.id))),
    page: filters.page,
    hasMore: rows.length > PER_PAGE,
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
  }
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
