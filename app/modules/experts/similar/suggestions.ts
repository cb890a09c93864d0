import { MIN_SCORE, similar, type SimilarDocument } from '#core/text/documents'
import { KNOWLEDGE_SOURCE } from '#modules/experts/knowledge/index_entry'
import KnowledgeEntry from '#modules/experts/knowledge/knowledge_entry'
import { CONSULTATION_SOURCE } from '#modules/experts/shared/index_consultation'

/** How many suggestions a reporter is shown (the form while typing, the similar page, the case page). */
export const SIMILAR_SHOWN = 5
/** Knowledge entries come first, but leave room for solved cases the entries do not cover. */
const ENTRIES_FIRST = 3

const isKnowledgeEntry = (item: SimilarDocument) => item.sourceType === KNOWLEDGE_SOURCE

/**
 * 找类似 as a reporter sees it: vetted knowledge entries first (answers a 回访 found valid),
 * then other solved cases — never the case an entry shown was made from — and only
 * suggestions above MIN_SCORE: a wrong one costs the farmer more than none (a caller
 * that filters by industry itself, as 产业信息's 相关信息, may set its own).
 */
export async function suggestionsFor(
  text: string,
  options: { industry?: string | null; county?: string | null; minScore?: number }
): Promise<SimilarDocument[]> {
  // One search over solved cases and entries together (the typing path runs it every pause).
  const found = await similar(text, {
    industry: options.industry ?? undefined,
    county: options.county ?? undefined,
    minScore: options.minScore ?? MIN_SCORE,
    withDirectories: [KNOWLEDGE_SOURCE],
    limit: SIMILAR_SHOWN + ENTRIES_FIRST,
  })
  const entries = found.filter(isKnowledgeEntry).slice(0, ENTRIES_FIRST)
  const cases = found.filter((item) => !isKnowledgeEntry(item))
  const covered = entries.length
    ? new Set((await KnowledgeEntry.query().whereIn('id', entries.map((entry) => Number(entry.sourceId))).select('consultation_id')).map((entry) => String(entry.consultationId)))
    : new Set<string>()
  const others = cases.filter((item) => !(item.sourceType === CONSULTATION_SOURCE && covered.has(String(item.sourceId))))
  return [...entries, ...others].slice(0, SIMILAR_SHOWN)
}

/** Where a suggestion is read: a knowledge entry's own page, any other solved document's. */
export function suggestionPath(item: Pick<SimilarDocument, 'id' | 'sourceType' | 'sourceId'>) {
  return item.sourceType === KNOWLEDGE_SOURCE ? `/knowledge/${item.sourceId}` : `/cases/${item.id}`
}
