import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { BEIJING } from '#core/clock'
import { isSeason, SEASON_MONTHS, type Season } from '#core/seasons'
import { industryNames } from '#core/industries/industry_directory'
import { similar, sourceIdsMatching } from '#core/text/documents'
import { KNOWLEDGE_SOURCE } from '#modules/experts/knowledge/index_entry'
import KnowledgeEntry from '#modules/experts/knowledge/knowledge_entry'
import KnowledgeRevision from '#modules/experts/knowledge/knowledge_revision'
import { QUERY_MAX } from '#modules/experts/knowledge/validators'

export const PAGE_SIZE = 20
const MAX_PAGE = 10_000


export interface KnowledgeFilters {
  industry: string
  season: Season | ''
  q: string
  page: number
}

/** The public list's filters from the query string: a wrong value in a shared link narrows nothing instead of failing. */
export async function knowledgeFilters(qs: Record<string, unknown>): Promise<KnowledgeFilters> {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
  const industry = text(qs.industry)
  const page = Number.parseInt(text(qs.page), 10)
  const season = text(qs.season)
  return {
    industry: (await industryNames()).has(industry) ? industry : '',
    season: isSeason(season) ? season : '',
    q: [...text(qs.q)].slice(0, QUERY_MAX).join(''),
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  }
}

/**
 * Published entries, newest first. The search box goes through the text engine's index
 * of the entries (every word, a crop by any of its names: 苞谷 finds 玉米), not ILIKE: a
 * trigram index cannot see Han characters under the database's C locale, so ILIKE read
 * all 100 k entries (190 ms at plan scale). A box holding no word (only punctuation or
 * emoji) finds nothing rather than everything.
 */
export function listPublished(filters: KnowledgeFilters) {
  const query = KnowledgeEntry.query()
    .where('state', 'published')
    .select('id', 'industry_code', 'city_code', 'title', 'problem', 'validated_at')
  if (filters.industry) query.where('industry_code', filters.industry)
  // The season of the 回访 that validated the answer, a few days after the problem.
  if (filters.season) query.whereRaw(`EXTRACT(MONTH FROM validated_at AT TIME ZONE '${BEIJING}')::int = ANY(?)`, [[...SEASON_MONTHS[filters.season]]])
  if (filters.q) {
    const matching = sourceIdsMatching(KNOWLEDGE_SOURCE, filters.q)
    if (matching) query.whereIn('id', matching)
    else query.whereRaw('false')
  }
  return query.orderBy('validated_at', 'desc').orderBy('id', 'desc').paginate(filters.page, PAGE_SIZE)
}

function entryId(id: unknown) {
  const value = Number(id)
  return Number.isSafeInteger(value) && value > 0 ? value : null
}

/** A published entry, or nothing: a withdrawn one does not exist for the public. */
export function findPublished(id: unknown) {
  const value = entryId(id)
  return value ? KnowledgeEntry.query().where('id', value).where('state', 'published').first() : null
}

/** Where a merged entry's address leads: the entry it went into, if that one is public. */
export async function mergedInto(id: unknown) {
  const value = entryId(id)
  if (!value) return null
  const merged = await KnowledgeEntry.query().where('id', value).where('state', 'merged').first()
  return merged?.mergedIntoId ? findPublished(merged.mergedIntoId) : null
}

/** Any entry, for the staff pages (the policy decides who sees it). */
export function findEntry(id: unknown, client?: TransactionClientContract) {
  const value = entryId(id)
  return value ? KnowledgeEntry.query(client ? { client } : {}).where('id', value).first() : null
}

export function revisionsOf(entry: KnowledgeEntry) {
  return KnowledgeRevision.query().where('entry_id', entry.id).preload('editor').orderBy('id', 'desc')
}

/** How many likely duplicates the merge page offers. */
const DUPLICATES_SHOWN = 5

/**
 * Published entries most like this one that the same staff look after: the merge page's
 * suggestions (the text engine over the entries' own index documents, same industry first).
 */
export async function likelyDuplicates(entry: KnowledgeEntry, manageable: (other: KnowledgeEntry) => Promise<boolean>) {
  const found = await similar(`${entry.title}\n${entry.problem}`, {
    sourceTypes: [KNOWLEDGE_SOURCE],
    industry: entry.industryCode,
    limit: DUPLICATES_SHOWN * 3,
  })
  const ids = found.map((doc) => Number(doc.sourceId)).filter((id) => id !== Number(entry.id))
  if (ids.length === 0) return []
  const entries = await KnowledgeEntry.query().whereIn('id', ids).where('state', 'published')
  const byId = new Map(entries.map((other) => [Number(other.id), other]))
  const shown: KnowledgeEntry[] = []
  for (const id of ids) {
    const other = byId.get(id)
    if (other && (await manageable(other))) shown.push(other)
    if (shown.length === DUPLICATES_SHOWN) break
  }
  return shown
}
