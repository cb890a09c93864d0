import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { BEIJING } from '#core/clock'
import { isSeason, SEASON_MONTHS, type Season } from '#core/seasons'
import { industryNames } from '#core/industries/industry_directory'
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

/** Words of the search box: whitespace-separated, each matched literally (no LIKE wildcards). */
export function searchWords(q: string): string[] {
  return q
    .split(/[\s,，。、;；!！?？]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 5)
}

const likeLiteral = (word: string) => `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
/** The searched text; the trigram index of the migration is on exactly this expression. */
const SEARCHED = `(title || ' ' || problem || ' ' || answer)`

/**
 * Published entries, newest first. The search is a plain ILIKE of every word over title,
 * question and answer (not the text engine: an entry's own words are what a reader types
 * here, and a trigram index keeps it fast).
 */
export function listPublished(filters: KnowledgeFilters) {
  const query = KnowledgeEntry.query()
    .where('state', 'published')
    .select('id', 'industry_code', 'city_code', 'title', 'problem', 'validated_at')
  if (filters.industry) query.where('industry_code', filters.industry)
  // The season of the 回访 that validated the answer, a few days after the problem.
  if (filters.season) query.whereRaw(`EXTRACT(MONTH FROM validated_at AT TIME ZONE '${BEIJING}')::int = ANY(?)`, [[...SEASON_MONTHS[filters.season]]])
  for (const word of searchWords(filters.q)) query.whereRaw(`${SEARCHED} ILIKE ?`, [likeLiteral(word)])
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

/** Any entry, for the staff pages (the policy decides who sees it). */
export function findEntry(id: unknown, client?: TransactionClientContract) {
  const value = entryId(id)
  return value ? KnowledgeEntry.query(client ? { client } : {}).where('id', value).first() : null
}

export function revisionsOf(entry: KnowledgeEntry) {
  return KnowledgeRevision.query().where('entry_id', entry.id).preload('editor').orderBy('id', 'desc')
}
