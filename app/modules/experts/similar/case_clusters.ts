import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { MAX_QUERY_TOKENS } from '#core/text/documents'
import { queryTerms } from '#core/text/query_terms'
import { idf, rankCandidates, type Candidate } from '#core/text/ranking'
import { segmenter } from '#core/text/segmenter'
import { tokenStatistics, type TokenStatistics } from '#core/text/token_statistics'
import { maskPersonal } from '#modules/experts/shared/masking'

/**
 * Two cases are alike when each covers this share of the other's question (找类似's score
 * scale, where MIN_SCORE 0.12 is a suggestion worth showing): three farmers' own words for
 * kiwi canker score 0.12–0.19 each way, unrelated questions of the county below 0.01.
 */
export const CLUSTER_SCORE = 0.1
/** A word in more than this share of the index says nothing about a problem (没得, 办法, 怎么办). */
const TELLING_SHARE = 0.01
/** Cases of a county read per call: the newest, enough for a month of one county's questions. */
const WINDOW_CAP = 300

export interface CaseCluster {
  countyCode: string
  /** The industry most of the cases were reported under. */
  industry: string
  caseIds: number[]
  /** Cases without an expert's answer yet, or rated 1–2 by the reporter. */
  unsolved: number
  /** The cluster's telling words: in more than half of its cases and rare in the index, rarest first (a word inside a longer one left out); never empty. */
  terms: string[]
  /** Up to three of the questions, names and phone numbers masked, as a public page may show them. */
  excerpts: string[]
  firstAt: DateTime
  lastAt: DateTime
}

interface WindowCase {
  id: number
  text: string
  industry: string
  farmerName: string | null
  reporterName: string | null
  unsolved: boolean
  createdAt: DateTime
  tokens: string[]
}

/**
 * 同一区县反复问到的问题: in each county with cases since `since`, groups of at least
 * `minSize` consultations that ask about the same thing — each member and the group's
 * seed cover CLUSTER_SCORE of each other by 找类似's own ranking (core text: its tokens,
 * host match and idf), and the group shares a telling word. Read-only; held and rejected
 * text is left out. Biggest groups first.
 */
export async function similarCaseClusters(options: { since: DateTime; countyCode?: string; minSize?: number }): Promise<CaseCluster[]> {
  const minSize = options.minSize ?? 3
  const counties = await db
    .from('experts_consultations')
    .where('created_at', '>=', options.since.toJSDate())
    .where('moderation', 'pass')
    .if(options.countyCode, (query) => query.where('county_code', options.countyCode!))
    .groupBy('county_code')
    .havingRaw('count(*) >= ?', [minSize])
    .select('county_code')
  const clusters: CaseCluster[] = []
  for (const { county_code: countyCode } of counties) clusters.push(...(await clustersIn(countyCode, options.since, minSize)))
  return clusters.sort((a, b) => b.caseIds.length - a.caseIds.length || a.countyCode.localeCompare(b.countyCode))
}

async function clustersIn(countyCode: string, since: DateTime, minSize: number): Promise<CaseCluster[]> {
  const rows = await db
    .from('experts_consultations as c')
    .leftJoin('users as u', 'u.id', 'c.reporter_id')
    .where('c.county_code', countyCode)
    .where('c.created_at', '>=', since.toJSDate())
    .where('c.moderation', 'pass')
    .orderBy('c.id', 'desc')
    .limit(WINDOW_CAP)
    .select('c.id', 'c.text', 'c.industry_code', 'c.farmer_name', 'u.name as reporter_name', 'c.answered_at', 'c.rating', 'c.created_at')
  const cut = segmenter()
  const cases: WindowCase[] = rows.map((row) => ({
    id: Number(row.id),
    text: row.text,
    industry: row.industry_code,
    farmerName: row.farmer_name,
    reporterName: row.reporter_name,
    unsolved: row.answered_at === null || (row.rating !== null && row.rating <= 2),
    createdAt: DateTime.fromJSDate(row.created_at),
    tokens: cut.tokenize(row.text),
  }))
  const statistics = await tokenStatistics()
  const documents = Math.max(statistics.documents, cases.length)
  const weight = (token: string) => idf(documents, statistics.expected(token))
  const candidates: Candidate[] = cases.map((item) => ({ id: item.id, textTokens: item.tokens, answerTokens: [], industry: item.industry, county: countyCode, solved: false, rating: null }))

  // score[a][b]: how much of a's question b covers.
  const scores = new Map<number, Map<number, number>>()
  for (const item of cases) {
    const exact = [...new Set(item.tokens)].slice(0, MAX_QUERY_TOKENS)
    const ranked = rankCandidates(queryTerms(item.text, exact, cut), candidates.filter((other) => other.id !== item.id), { idf: weight, lexicon: cut.lexicon ?? undefined })
    scores.set(item.id, new Map(ranked.map((hit) => [hit.id, hit.score])))
  }
  // Each group is a seed and the cases alike to it (both ways), the seed with the most such
  // neighbours first: every member is like the seed, so a group never drifts from one
  // question to another through a chain of half-alike ones.
  const alike = (a: number, b: number) => (scores.get(a)!.get(b) ?? 0) >= CLUSTER_SCORE && (scores.get(b)!.get(a) ?? 0) >= CLUSTER_SCORE
  const neighbours = new Map(cases.map((item) => [item.id, cases.filter((other) => other.id !== item.id && alike(item.id, other.id))]))
  const taken = new Set<number>()
  const clusters: CaseCluster[] = []
  for (const seed of [...cases].sort((a, b) => neighbours.get(b.id)!.length - neighbours.get(a.id)!.length || a.id - b.id)) {
    if (taken.has(seed.id)) continue
    const group = [seed, ...neighbours.get(seed.id)!.filter((other) => !taken.has(other.id))]
    if (group.length < minSize) continue
    for (const item of group) taken.add(item.id)
    const cluster = clusterOf(countyCode, group, statistics, documents)
    // A group whose shared words are only everyday ones (没得, 办法) names no problem to solve.
    if (cluster.terms.length) clusters.push(cluster)
  }
  return clusters
}

function clusterOf(countyCode: string, group: WindowCase[], statistics: TokenStatistics, documents: number): CaseCluster {
  const oldestFirst = [...group].sort((a, b) => a.id - b.id)
  const industries = new Map<string, number>()
  const holding = new Map<string, number>()
  for (const item of group) {
    industries.set(item.industry, (industries.get(item.industry) ?? 0) + 1)
    for (const token of new Set(item.tokens)) holding.set(token, (holding.get(token) ?? 0) + 1)
  }
  // Words in more than half of the cases and rare in the index, the rarest first.
  const telling = (token: string) => statistics.expected(token) < TELLING_SHARE * documents
  const terms = [...holding]
    .filter(([token, count]) => [...token].length >= 2 && count * 2 > group.length && telling(token))
    .sort((a, b) => statistics.expected(a[0]) - statistics.expected(b[0]) || b[1] - a[1])
    .map(([token]) => token)
  return {
    countyCode,
    industry: [...industries].sort((a, b) => b[1] - a[1])[0][0],
    caseIds: oldestFirst.map((item) => item.id),
    unsolved: group.filter((item) => item.unsolved).length,
    terms: terms.filter((token) => !terms.some((other) => other !== token && other.includes(token))).slice(0, 4),
    excerpts: oldestFirst.slice(0, 3).map((item) => maskPersonal(item.text, [item.farmerName, item.reporterName]).slice(0, 120)),
    firstAt: oldestFirst[0].createdAt,
    lastAt: oldestFirst.at(-1)!.createdAt,
  }
}
