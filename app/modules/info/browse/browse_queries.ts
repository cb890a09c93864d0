import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import { industryNames } from '#core/industries/industry_directory'
import { SimplePaginator } from '@adonisjs/lucid/database'
import { search } from '#core/text/documents'
import IndustryRecord from '#modules/info/models/industry_record'
import { RECORD_SOURCE } from '#modules/info/shared/record_index'
import { RECORD_KINDS, type RecordKind } from '#modules/info/shared/record_states'

const MAX_PAGE = 10_000
export const PAGE_SIZE = 20

/** Longer free text is cut: nobody types more to find a record, and the engine caps its tokens anyway. */
const MAX_QUERY_CHARS = 50

export interface BrowseFilters {
  q: string
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
    q: text(qs.q).slice(0, MAX_QUERY_CHARS),
    kind: RECORD_KINDS.includes(kind) ? kind : '',
    industry: (await industryNames()).has(industry) ? industry : '',
    city,
    county,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  }
}

const COLUMNS = ['id', 'kind', 'category', 'industries', 'region_code', 'title', 'summary', 'ip_owner', 'published_at']

/** The list: free text through the text engine's directory search, otherwise newest first. */
export async function listPublished(filters: BrowseFilters) {
  if (filters.q) return searchPublished(filters)
  return { records: await newestPublished(filters), snippets: {} as Record<number, string> }
}

/** Published records only, newest first; a region filter holds its own and its counties' records. */
function newestPublished(filters: BrowseFilters) {
  const query = IndustryRecord.query()
    .where('status', 'published')
    .select(COLUMNS)
  if (filters.kind) query.where('kind', filters.kind)
  if (filters.industry) query.whereRaw('industries @> ARRAY[?]::text[]', [filters.industry])
  const region = filters.county || filters.city
  if (region) RegionScope.constrain(query, [RegionScope.fromRegionCode(region)], 'region_code')
  return query.orderBy('published_at', 'desc').orderBy('id', 'desc').paginate(filters.page, PAGE_SIZE)
}

/**
 * Every word of the query required, ranked by the engine (see #core/text/documents search);
 * the filters apply there as tags and a region scope, and only records still published
 * are shown. The engine does not count: the page says only whether another follows.
 */
async function searchPublished(filters: BrowseFilters) {
  const region = filters.county || filters.city
  const offset = (filters.page - 1) * PAGE_SIZE
  const hits = await search(filters.q, {
    sourceType: RECORD_SOURCE,
    industry: filters.industry || null,
    scope: region ? RegionScope.fromRegionCode(region) : null,
    tags: filters.kind ? [`kind:${filters.kind}`] : [],
    limit: PAGE_SIZE + 1,
    offset,
  })
  const shown = hits.slice(0, PAGE_SIZE)
  const ids = shown.map((hit) => Number(hit.sourceId)).filter((id) => Number.isSafeInteger(id))
  const rows = ids.length ? await IndustryRecord.query().where('status', 'published').whereIn('id', ids).select(COLUMNS) : []
  const byId = new Map(rows.map((row) => [Number(row.id), row]))
  const records = shown.flatMap((hit) => byId.get(Number(hit.sourceId)) ?? [])
  const snippets = Object.fromEntries(shown.map((hit) => [Number(hit.sourceId), hit.snippet]))
  // A total that ends on the next page when there is one: the page links need no count.
  const total = offset + records.length + (hits.length > PAGE_SIZE ? 1 : 0)
  return { records: new SimplePaginator(total, PAGE_SIZE, filters.page, ...records), snippets }
}

/** A published record, or nothing: a record in the making does not exist for the public. */
export function findPublished(id: unknown) {
  const recordId = Number(id)
  if (!Number.isSafeInteger(recordId)) return null
  return IndustryRecord.query().where('id', recordId).where('status', 'published').first()
}
