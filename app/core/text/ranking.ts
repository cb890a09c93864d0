import { lexicon as processLexicon, type Host, type Lexicon } from '#core/text/lexicon'
import { hostsOf, type QueryTerms } from '#core/text/query_terms'

/**
 * The ranking of 找类似, in Node over the candidates Postgres found: what a case says
 * about the crop or animal and what it says about the problem are scored apart.
 *
 * - Problem (symptom) match: BM25 over the query's non-host tokens, each weighted by
 *   its rarity (idf) and by how the query holds it (its own word 1, an expansion less);
 *   the case's question counts fully, its answer at ANSWER_WEIGHT. It is divided by
 *   what a case holding every one of the query's own tokens would score, so that the
 *   score reads as "how much of the question this case covers" whatever the length.
 * - Host match: a case about the same crop or animal keeps its score; a case about
 *   another one (a citrus answer to a rice question) keeps only HOST_MISMATCH of it
 *   and ranks after every case that may be about the asked one, whatever its words.
 * - The form's industry and the reporter's county and city multiply, as before.
 */
export interface Candidate {
  id: number
  textTokens: string[]
  answerTokens: string[]
  industry: string | null
  county: string | null
  solved: boolean
  rating: number | null
}

export interface RankingContext {
  /** Inverse document frequency of a token */
  idf: (token: string) => number
  industry?: string | null
  county?: string | null
  /** the county's city prefix (4 digits) */
  city?: string | null
  lexicon?: Lexicon
}

export interface Ranked {
  id: number
  score: number
}

const K1 = 1.2
const B = 0.75
/** An answer speaks of the remedy more than the symptom: its words count less. */
export const ANSWER_WEIGHT = 0.5
/** Same crop or animal, or the query names none. */
const HOST_SAME = 1
/** Another member of the same family (草鱼 for 鲢鱼): often the same diseases. */
export const HOST_SIBLING = 0.7
/** The case names no crop or animal: it may be about anything. */
export const HOST_UNKNOWN = 0.6
/** The case is about another crop or animal. */
export const HOST_MISMATCH = 0.15
/**
 * A host word's share in the problem score: the host match is scored apart, but the
 * words still tell kinds apart (仔猪 and 保育猪 are both 猪, with other diseases).
 */
export const HOST_TOKEN_SHARE = 0.5

export function hostFactor(queryHosts: Host[], caseHosts: Host[]): number {
  if (queryHosts.length === 0) return HOST_SAME
  if (caseHosts.length === 0) return HOST_UNKNOWN
  let best = HOST_MISMATCH
  for (const wanted of queryHosts) {
    for (const found of caseHosts) {
      if (wanted.name === found.name) return HOST_SAME
      // A family head (鱼) asks about every member (草鱼); a member does not ask about its head's other members.
      if (wanted.name === found.family || found.name === wanted.family) return HOST_SAME
      if (wanted.family === found.family) best = Math.max(best, HOST_SIBLING)
    }
  }
  return best
}

function counts(tokens: string[]): Map<string, number> {
  const map = new Map<string, number>()
  for (const token of tokens) map.set(token, (map.get(token) ?? 0) + 1)
  return map
}

export function rankCandidates(query: QueryTerms, candidates: Candidate[], context: RankingContext): Ranked[] {
  if (candidates.length === 0) return []
  const source = context.lexicon ?? processLexicon()
  const hostTokens = new Set<string>()
  for (const host of query.hosts) for (const [token, owner] of source.hosts) if (owner === host) hostTokens.add(token)
  const terms = [...query.weights].map(([token, weight]) => ({
    token,
    weight: hostTokens.has(token) ? weight * HOST_TOKEN_SHARE : weight,
    idf: context.idf(token),
  }))
  // Every one of the query's own tokens counts towards the best possible score, those no
  // candidate holds too: a question about things no case speaks of is a weak match, and
  // its score says so (MIN_SCORE is chosen on this scale).
  const best = terms.filter((term) => query.exact.includes(term.token)).reduce((sum, term) => sum + term.weight * term.idf * (K1 + 1), 0)
  // A query of host words only ("水稻") still ranks cases of that host, by their host words.
  const norm = best > 0 ? best : 1
  const averageText = candidates.reduce((sum, c) => sum + c.textTokens.length, 0) / candidates.length || 1
  const averageAnswer = candidates.reduce((sum, c) => sum + c.answerTokens.length, 0) / candidates.length || 1
  const saturate = (tf: number, length: number, average: number) =>
    tf === 0 ? 0 : (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / average))

  const ranked = candidates.map((candidate) => {
    const text = counts(candidate.textTokens)
    const answer = counts(candidate.answerTokens)
    const hosts = hostFactor(query.hosts, hostsOf(candidate.textTokens, source))
    let lexical = 0
    for (const term of terms) {
      const inText = saturate(text.get(term.token) ?? 0, candidate.textTokens.length, averageText)
      const inAnswer = saturate(answer.get(term.token) ?? 0, candidate.answerTokens.length, averageAnswer)
      lexical += term.weight * term.idf * (inText + ANSWER_WEIGHT * inAnswer)
    }
    if (best === 0 && query.hosts.length > 0) lexical = 1
    let boost = 1
    if (context.industry && candidate.industry === context.industry) boost += 0.5
    if (context.county && candidate.county === context.county) boost += 0.2
    else if (context.city && candidate.county?.startsWith(context.city)) boost += 0.1
    return { candidate, score: (lexical / norm) * hosts * boost, mismatch: hosts === HOST_MISMATCH }
  })
  // A case about another crop or animal never outranks one that may be about the asked one.
  ranked.sort(
    (a, b) =>
      Number(a.mismatch) - Number(b.mismatch) ||
      b.score - a.score ||
      Number(b.candidate.solved) - Number(a.candidate.solved) ||
      (b.candidate.rating ?? -1) - (a.candidate.rating ?? -1) ||
      a.candidate.id - b.candidate.id
  )
  return ranked.map(({ candidate, score }) => ({ id: candidate.id, score }))
}

/** BM25's idf from a document count and a token's document frequency. */
export function idf(documents: number, frequency: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))
}
