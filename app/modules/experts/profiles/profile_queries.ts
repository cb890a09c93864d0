import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { BEIJING, todayIso } from '#core/clock'
import { RegionScope } from '#core/regions/region_scope'
import { search } from '#core/text/documents'
import regionDirectory from '#core/regions/region_directory'
import { industryNames } from '#core/industries/industry_directory'
import Expert from '#modules/experts/models/expert'
import { EXPERT_LEVELS, type ExpertLevel } from '#modules/experts/shared/consultation_states'

/** text_documents.source_type of expert profiles (找专家 searches it). */
export const EXPERT_SOURCE = 'expert'

export type Availability = 'on_duty' | 'away' | 'full'

/**
 * Whether the expert takes new cases, as triage decides it: "away until D" covers D
 * itself and ends by itself the next day; off duty (on_duty false) lasts until the
 * expert returns; a full expert (open cases at their own maximum) is skipped too.
 */
export function availabilityOf(expert: Pick<Expert, 'onDuty' | 'awayUntil' | 'openCases' | 'maxOpenCases'>, day = todayIso()): Availability {
  if (!expert.onDuty || (expert.awayUntil && expert.awayUntil.toISODate()! >= day)) return 'away'
  if (expert.openCases >= expert.maxOpenCases) return 'full'
  return 'on_duty'
}

/** A verified expert by profile id, or null (pending, rejected and unknown ids alike). */
export function findVerifiedExpert(id: number | string) {
  if (!/^\d{1,18}$/.test(String(id))) return Promise.resolve(null)
  return Expert.query().where('id', id).where('status', 'verified').preload('user').first()
}

// ---- 找专家 ---------------------------------------------------------------------------

export const PER_PAGE = 20
const MAX_PAGE = 10_000
const MAX_QUERY_CHARS = 50

export interface DirectoryFilters {
  q: string
  industry: string
  city: string
  county: string
  level: ExpertLevel | ''
  page: number
}

/**
 * The directory's query string, made safe: a value that cannot be one of ours (an
 * unknown industry, a county outside Sichuan, a county of another city than the one
 * chosen) is dropped rather than answered with an error page — filters are links.
 */
export async function directoryFilters(qs: Record<string, unknown>): Promise<DirectoryFilters> {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
  const industry = text(qs.industry)
  const level = text(qs.level) as ExpertLevel
  const city = (await regionDirectory.find(text(qs.city)))?.level === 'city' ? text(qs.city) : ''
  const countyRegion = await regionDirectory.find(text(qs.county_code))
  const county =
    countyRegion?.level === 'county' && (!city || RegionScope.fromRegionCode(city).contains(countyRegion.code)) ? countyRegion.code : ''
  const page = Number.parseInt(text(qs.page), 10)
  return {
    q: text(qs.q).slice(0, MAX_QUERY_CHARS),
    industry: (await industryNames()).has(industry) ? industry : '',
    city,
    county,
    level: EXPERT_LEVELS.includes(level) ? level : '',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  }
}

/** One line of the directory. */
export interface DirectoryEntry {
  id: number
  name: string | null
  organization: string
  title: string
  level: ExpertLevel
  countyCode: string
  industries: string[]
  photoPublicId: string | null
  availability: Availability
  /** With free text: the matched excerpt, HTML-escaped with <mark> (from the text engine). */
  snippet?: string
}

export interface DirectoryPage {
  entries: DirectoryEntry[]
  page: number
  hasMore: boolean
  /** Null when the total is not known (ranked text search); at most COUNT_CAP. */
  total: number | null
  /** There are more than COUNT_CAP. */
  totalCapped: boolean
}

/** Where the filters point: a county, else a city, else the whole province. */
function filterScope(filters: Pick<DirectoryFilters, 'city' | 'county'>): RegionScope {
  const code = filters.county || filters.city
  return code ? RegionScope.fromRegionCode(code) : RegionScope.province
}

/** Counting stops here: "1000 多位" says enough, and a broad filter then costs no more than a narrow one. */
const COUNT_CAP = 1000

/**
 * Verified experts matching the filters, newest first, 20 a page. Every filter is an
 * indexed predicate (GIN on industries, prefix on county, partial index on verified
 * ids); the count stops at COUNT_CAP, and whether a next page exists comes from one
 * row more than the page, so a page costs about the same at 30,000 experts as at 30.
 */
export async function listDirectory(filters: DirectoryFilters, client: QueryClientContract = db.connection()): Promise<DirectoryPage> {
  if (filters.q) return searchDirectory(filters)
  const base = client.from('experts_profiles as p').where('p.status', 'verified')
  if (filters.industry) base.whereRaw('p.industries @> ARRAY[?]::text[]', [filters.industry])
  if (filters.level) base.where('p.level', filters.level)
  RegionScope.constrain(base, [filterScope(filters)], 'p.county_code')

  // The page's ids first (an index walk over profiles alone), then names and photos for
  // those 20: joining before the OFFSET would join every skipped row too.
  const pageIds = base.clone().select('p.id').orderBy('p.id', 'desc').limit(PER_PAGE + 1).offset((filters.page - 1) * PER_PAGE)
  const [counted, rows] = await Promise.all([
    client.from(base.clone().select(db.raw('1')).limit(COUNT_CAP + 1).as('capped')).count('* as n').first(),
    entryQuery(client.from('experts_profiles as p').whereIn('p.id', pageIds)).orderBy('p.id', 'desc'),
  ])
  const total = Number(counted?.n ?? 0)
  return {
    entries: rows.slice(0, PER_PAGE).map(toEntry),
    page: filters.page,
    hasMore: rows.length > PER_PAGE,
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
  }
}

/**
 * Free text goes through the text engine's directory search (jieba tokens, every
 * word required, ranked); the same filters apply there as tags and a region scope.
 * Only profiles still verified are shown, in the engine's order, with its snippet.
 */
async function searchDirectory(filters: DirectoryFilters): Promise<DirectoryPage> {
  const hits = await search(filters.q, {
    sourceType: EXPERT_SOURCE,
    industry: filters.industry || null,
    scope: filterScope(filters),
    tags: filters.level ? [`level:${filters.level}`] : [],
    limit: PER_PAGE + 1,
    offset: (filters.page - 1) * PER_PAGE,
  })
  const shown = hits.slice(0, PER_PAGE)
  const ids = shown.map((hit) => Number(hit.sourceId)).filter((id) => Number.isSafeInteger(id))
  const rows = ids.length ? await entryQuery(db.from('experts_profiles as p').where('p.status', 'verified').whereIn('p.id', ids)) : []
  const byId = new Map(rows.map((row: any) => [Number(row.id), row]))
  const entries = shown.flatMap((hit) => {
    const row = byId.get(Number(hit.sourceId))
    return row ? [{ ...toEntry(row), snippet: hit.snippet }] : []
  })
  return { entries, page: filters.page, hasMore: hits.length > PER_PAGE, total: null, totalCapped: false }
}

function entryQuery(query: ReturnType<QueryClientContract['from']>) {
  return query.join('users as u', 'u.id', 'p.user_id').leftJoin('media as m', 'm.id', 'p.photo_id').select(ENTRY_COLUMNS)
}

const ENTRY_COLUMNS = [
  'p.id',
  'u.name',
  'p.organization',
  'p.title',
  'p.level',
  'p.county_code',
  'p.industries',
  'p.on_duty',
  db.raw(`to_char(p.away_until, 'YYYY-MM-DD') AS away_until`),
  'p.open_cases',
  'p.max_open_cases',
  'm.public_id as photo_public_id',
]

function toEntry(row: any): DirectoryEntry {
  return {
    id: Number(row.id),
    name: row.name,
    organization: row.organization,
    title: row.title,
    level: row.level,
    countyCode: row.county_code,
    industries: row.industries,
    photoPublicId: row.photo_public_id,
    availability: availabilityOf({
      onDuty: row.on_duty,
      awayUntil: row.away_until ? DateTime.fromISO(row.away_until, { zone: BEIJING }) : null,
      openCases: row.open_cases,
      maxOpenCases: row.max_open_cases,
    }),
  }
}

// ---- Figures from the case log -------------------------------------------------------

export interface ExpertFigures {
  /** Cases the expert has answered. */
  answered: number
  /** Median of (first response − assignment) over the expert's cases, in seconds; null without any. */
  medianFirstResponseSeconds: number | null
  /** Mean of the reporters' ratings (1–5), null without any. */
  averageRating: number | null
  ratings: number
}

/**
 * Read from the expert's own cases through one covering index (0310: expert_id
 * INCLUDE the four columns), so the cost follows the expert's caseload, not the
 * platform's million cases. A reply counts as the first response when the expert
 * answered without accepting first.
 */
export async function expertFigures(expertId: number): Promise<ExpertFigures> {
  const result = await db.rawQuery(
    `SELECT
       count(*) FILTER (WHERE answered_at IS NOT NULL)::int AS answered,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM coalesce(first_response_at, answered_at) - assigned_at))
         FILTER (WHERE assigned_at IS NOT NULL AND coalesce(first_response_at, answered_at) >= assigned_at) AS median_seconds,
       avg(rating)::float8 AS average_rating,
       count(rating)::int AS ratings
     FROM experts_consultations
     WHERE expert_id = ?`,
    [expertId]
  )
  const row = result.rows[0]
  return {
    answered: row.answered,
    medianFirstResponseSeconds: row.median_seconds === null ? null : Math.round(Number(row.median_seconds)),
    averageRating: row.average_rating === null ? null : Math.round(Number(row.average_rating) * 10) / 10,
    ratings: row.ratings,
  }
}

/** "45 分钟", "2 小时 5 分钟", "3 天 4 小时": how long an expert usually takes to respond. */
export function durationParts(seconds: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.max(1, Math.round(seconds / 60))
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 }
}
