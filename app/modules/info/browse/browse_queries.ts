import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import { industryNames } from '#core/industries/industry_directory'
import IndustryRecord from '#modules/info/models/industry_record'
import { RECORD_KINDS, type RecordKind } from '#modules/info/shared/record_states'

const MAX_PAGE = 10_000
export const PAGE_SIZE = 20

export interface BrowseFilters {
  kind: RecordKind | ''
  industry: string
  city: string
  county: string
  page: number
}

/**
 * The public list's filters from the query string. A wrong value in a shared or typed link
 * narrows nothing instead of failing: an unknown industry, a county outside the chosen city.
 */
export async function browseFilters(qs: Record<string, unknown>): Promise<BrowseFilters> {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
  const kind = text(qs.kind) as RecordKind
  const industry = text(qs.industry)
  const city = (await regionDirectory.find(text(qs.city)))?.level === 'city' ? text(qs.city) : ''
  const countyRegion = await regionDirectory.find(text(qs.county_code))
  const county = countyRegion?.level === 'county' && (!city || RegionScope.fromRegionCode(city).contains(countyRegion.code)) ? countyRegion.code : ''
  const page = Number.parseInt(text(qs.page), 10)
  return {
    kind: RECORD_KINDS.includes(kind) ? kind : '',
    industry: (await industryNames()).has(industry) ? industry : '',
    city,
    county,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  }
}

/** Published records only, newest first; a region filter holds its own and its counties' records. */
export function listPublished(filters: BrowseFilters) {
  const query = IndustryRecord.query()
    .where('status', 'published')
    .select('id', 'kind', 'category', 'industries', 'region_code', 'title', 'summary', 'ip_owner', 'published_at')
  if (filters.kind) query.where('kind', filters.kind)
  if (filters.industry) query.whereRaw('industries @> ARRAY[?]::text[]', [filters.industry])
  const region = filters.county || filters.city
  if (region) RegionScope.constrain(query, [RegionScope.fromRegionCode(region)], 'region_code')
  return query.orderBy('published_at', 'desc').orderBy('id', 'desc').paginate(filters.page, PAGE_SIZE)
}

/** A published record, or nothing: a record in the making does not exist for the public. */
export function findPublished(id: unknown) {
  const recordId = Number(id)
  if (!Number.isSafeInteger(recordId)) return null
  return IndustryRecord.query().where('id', recordId).where('status', 'published').first()
}
