import { industryList, industryNames } from '#core/industries/industry_directory'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import { modelOf, type Listing } from '#modules/achievements/shared/listings'
import { LISTING_KINDS, type ListingKind, type Side } from '#modules/achievements/shared/vocabulary'

export const PER_PAGE = 20
const MAX_PAGE = 5_000

export interface ListingFilters {
  city: string
  county: string
  industry: string
  kind: ListingKind | ''
  page: number
}

/**
 * The list's query string made safe: a value that cannot be one of ours (an unknown
 * industry or kind, a county outside Sichuan or outside the chosen city) is dropped, not
 * answered with an error page — filters are links.
 */
export async function listingFilters(qs: Record<string, unknown>): Promise<ListingFilters> {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
  const city = (await regionDirectory.find(text(qs.city)))?.level === 'city' ? text(qs.city) : ''
  const countyRegion = await regionDirectory.find(text(qs.county_code))
  const county = countyRegion?.level === 'county' && (!city || RegionScope.fromRegionCode(city).contains(countyRegion.code)) ? countyRegion.code : ''
  const industry = text(qs.industry)
  const kind = text(qs.kind) as ListingKind
  const page = Number.parseInt(text(qs.page), 10)
  return {
    city,
    county,
    industry: (await industryNames()).has(industry) ? industry : '',
    kind: LISTING_KINDS.includes(kind) ? kind : '',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  }
}

export interface ListingPage {
  listings: Listing[]
  page: number
  hasMore: boolean
}

/**
 * Published listings matching the filters, newest first, PER_PAGE a page: each filter an
 * indexed predicate (partial indexes on published rows by id and by county prefix, GIN on
 * industries), and whether a next page exists from one row more than the page.
 */
export async function listPublished(side: Side, filters: ListingFilters): Promise<ListingPage> {
  const query = modelOf(side).query().where('status', 'published')
  const code = filters.county || filters.city
  if (code) RegionScope.constrain(query, [RegionScope.fromRegionCode(code)])
  if (filters.industry) query.whereRaw('industries @> ARRAY[?]::text[]', [filters.industry])
  if (filters.kind) query.where('kind', filters.kind)
  const rows = await query
    .orderBy('id', 'desc')
    .limit(PER_PAGE + 1)
    .offset((filters.page - 1) * PER_PAGE)
  return { listings: rows.slice(0, PER_PAGE), page: filters.page, hasMore: rows.length > PER_PAGE }
}

/** What cards and pages show besides the record: place and industry names. */
export async function listingLabels(listings: Pick<Listing, 'countyCode'>[]) {
  return {
    regionNames: await regionDirectory.fullNames(listings.map((listing) => listing.countyCode)),
    industryNames: Object.fromEntries(await industryNames()),
  }
}

export async function formOptions() {
  return { industries: await industryList(), regionTree: await regionDirectory.tree() }
}

/** The person's own demands and offers, newest first (every status: they see what is held or withdrawn). */
export async function ownListings(ownerId: number) {
  const [demands, offers] = await Promise.all(
    (['demands', 'offers'] as const).map((side) => modelOf(side).query().where('owner_id', ownerId).orderBy('id', 'desc').limit(100))
  )
  return { demands, offers }
}
