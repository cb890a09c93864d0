import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { isRegionCode, RegionScope } from '#core/regions/region_scope'
import { fuzzyText } from '#core/text/normalize'
import { segmenter, type Segmenter } from '#core/text/segmenter'
import { anyTokenQuery, candidateQuery, lexeme, tokenStatistics } from '#core/text/token_statistics'
import { hostAlternatives, queryTerms } from '#core/text/query_terms'
import { idf, rankCandidates, type Candidate } from '#core/text/ranking'

/**
 * The one search index of the platform (`text_documents`): every module upserts its
 * searchable records here, and 找类似 ranks them. Text is cut in Node (Postgres cannot
 * segment Chinese); the tsvector is generated from the stored token strings.
 */
export interface TextDocumentInput {
  sourceType: string
  sourceId?: string | null
  industry?: string | null
  county?: string | null
  text: string
  answer?: string
  solved?: boolean
  public?: boolean
  rating?: number | null
  createdAt?: Date | string | null
  /**
   * Filter labels for directory search beyond the main industry, e.g. 'level:county'
   * or 'industry:tea' for a record's other industries. 'industry:<industry>' is added.
   */
  tags?: string[]
}

export interface SimilarOptions {
  industry?: string | null
  county?: string | null
  limit?: number
  /**
   * Only documents of these source types. Without it, every type except the
   * registered directories' (registerDirectorySource) is a candidate.
   */
  sourceTypes?: string[]
  /** Registered directories whose documents are candidates too (without sourceTypes): a vetted source offered beside solved cases. */
  withDirectories?: string[]
  /** Only these document ids: the evaluation scores its fixture cases among whatever else the index holds. */
  ids?: number[]
  /** Segmenter to cut the query with; the evaluation's lexical baseline passes plain jieba. */
  segmenter?: Segmenter
  /**
   * Cases scoring below this are left out. 找类似 as the farmer sees it passes MIN_SCORE
   * (a wrong suggestion costs more than none); without it every match is listed, as
   * text:similar and directory-like callers expect.
   */
  minScore?: number
  /**
   * How Postgres pre-ranks the candidates before ranking.ts: 'density' (ts_rank_cd, the
   * default: how close together the query's words stand) or 'frequency' (ts_rank). Cover
   * density costs most of the query when a long text finds many candidates (成果转化's
   * matching of one listing against the other side: 50–67 ms of ts_rank_cd among 836
   * candidates at plan scale, 9–11 ms with ts_rank); matching passes 'frequency'.
   */
  prerank?: 'density' | 'frequency'
  client?: TransactionClientContract
}

export interface SimilarDocument {
  id: number
  sourceType: string
  sourceId: string | null
  industry: string | null
  county: string | null
  text: string
  answer: string
  solved: boolean
  rating: number | null
  score: number
  /** HTML-escaped excerpt with the matched tokens in <mark>. */
  snippet: string
}

/** A query longer than this many distinct tokens adds noise and cost, not recall. */
export const MAX_QUERY_TOKENS = 64
/** With this few tokens a lexical match is too thin: trigrams rescue short queries and typos. */
const TRIGRAM_MAX_TOKENS = 2
/** Characters of normalised query text compared by trigrams (they only help short queries). */
const TRIGRAM_QUERY_CHARS = 200
/**
 * Documents a query expects to rank at most: past it, common tokens stop finding
 * candidates (they still count in the ranking). Each candidate is a heap row
 * fetched (the cost) and ranked (cheaper): 1,000 keeps a query near 10 ms at a
 * million cases on a busy 2-core server.
 */
const CANDIDATE_BUDGET = 1000
/** Rows ranked per query whatever the statistics say (they are estimates). */
const CANDIDATE_CAP = 1500
/** Candidates Postgres pre-ranks (ts_rank_cd) for ranking.ts: enough to hold the answer, few enough to read fast. */
const PRERANK = 200
/**
 * The score below which 找类似 suggests nothing (ranking.ts: the share of the question's
 * weight a case covers, times the host match and boosts). Chosen on the development
 * part of the labelled set at the knee of precision against coverage: from 0 to 0.12
 * the top suggestion's precision rises 0.857 → 0.90 while 81 % of questions still get
 * one; above it precision stays near 0.9 while the share shown keeps falling (0.54 at
 * 0.2). `node ace text:eval --curve` prints the curve.
 */
export const MIN_SCORE = 0.12
/** Rows ranked for a query of common words only (see Candidates.broad). */
const BROAD_CAP = 200
/** Source types indexed for a directory (找专家), not as cases: 找类似 never offers them. */
const directorySourceTypes = new Set<string>()

/** A module whose records are a searchable directory rather than cases says so from its start file. */
export function registerDirectorySource(sourceType: string) {
  directorySourceTypes.add(sourceType)
}

/** Distinct query tokens, capped: safe letters-and-digits strings only (see segmenter). */
function queryTokens(text: unknown, cut: Segmenter = segmenter()): string[] {
  return [...new Set(cut.tokenize(text))].slice(0, MAX_QUERY_TOKENS)
}

/**
 * The AND tsquery of a directory query. jieba's search mode gives a compound word
 * and its pieces (猕猴桃溃疡病 → 猕猴桃, 溃疡病, 猕猴桃溃疡病), and a profile may hold
 * the pieces apart ("猕猴桃、溃疡病"): each word is satisfied by itself or by all
 * its largest pieces, and every word is required.
 */
export function allWordsQuery(tokens: string[], alternatives: (word: string) => string[] = () => []): string {
  const inside = (token: string, other: string) => other !== token && other.includes(token)
  const words = tokens.filter((token) => !tokens.some((other) => inside(token, other)))
  return words
    .map((word) => {
      const pieces = tokens.filter((token) => inside(token, word))
      const largest = pieces.filter((piece) => !pieces.some((other) => inside(piece, other)))
      const ways = [lexeme(word), ...alternatives(word).map(lexeme)]
      if (largest.length) ways.push(`(${largest.map(lexeme).join(' & ')})`)
      return ways.length > 1 ? `(${ways.join(' | ')})` : ways[0]
    })
    .join(' & ')
}

function clamp(value: unknown, fallback: number, min: number, max: number): number {
  const number = Math.trunc(Number(value ?? fallback))
  return Number.isFinite(number) ? Math.min(Math.max(number, min), max) : fallback
}

/** Row values for text_documents (tokens computed here, once, with the process's segmenter). */
export function documentRow(input: TextDocumentInput, cut: Segmenter = segmenter()) {
  return {
    source_type: input.sourceType,
    source_id: input.sourceId ?? null,
    industry_code: input.industry || null,
    county_code: input.county || null,
    text: input.text,
    answer: input.answer ?? '',
    solved: input.solved ?? false,
    public: input.public ?? true,
    rating: input.rating ?? null,
    text_tokens: cut.tokenize(input.text).join(' '),
    answer_tokens: cut.tokenize(input.answer ?? '').join(' '),
    normalized_text: fuzzyText(input.text),
    tags: documentTags(input),
    created_at: input.createdAt ? new Date(input.createdAt) : new Date(),
    updated_at: new Date(),
  }
}

/** The document's filter labels: its own, plus its main industry's. */
function documentTags(input: TextDocumentInput): string[] {
  const tags = new Set(input.industry ? [`industry:${input.industry}`] : [])
  for (const tag of input.tags ?? []) tags.add(tag)
  return [...tags]
}

/** Inserts or refreshes the record (keyed by source type and id); returns its document id. */
export async function upsertDocument(input: TextDocumentInput, client?: TransactionClientContract): Promise<number> {
  const row = documentRow(input)
  const query = (client ?? db).table('text_documents')
  if (row.source_id === null) {
    const [inserted] = await query.insert(row).returning('id')
    return Number(inserted.id)
  }
  const { created_at: _createdAt, ...changes } = row
  const [saved] = await query
    .insert(row)
    .onConflict(['source_type', 'source_id'])
    .merge(input.createdAt ? row : changes)
    .returning('id')
  return Number(saved.id)
}

export async function removeDocument(sourceType: string, sourceId: string, client?: TransactionClientContract) {
  await (client ?? db).from('text_documents').where({ source_type: sourceType, source_id: sourceId }).delete()
}

/**
 * 找类似: public documents most like `text`. Candidates are found through the query's
 * informative tokens and its expansions (token_statistics.ts: at plan scale the common
 * ones would make every query rank a tenth of the index); Postgres pre-ranks them by
 * ts_rank_cd and hands the best PRERANK to ranking.ts, which scores the crop or animal
 * and the problem apart, weighs tokens by rarity, and multiplies by same industry,
 * county and city. A case below `minScore` (MIN_SCORE for what a farmer is shown) is
 * left out: a wrong suggestion costs the farmer more than none. A query of one or two tokens that finds too little also
 * matches by trigrams, over its words in other scripts than Han (fuzzyText). Never throws on user text: tokens are letters and digits only,
 * and each is quoted as a lexeme.
 */
export async function similar(text: unknown, options: SimilarOptions = {}): Promise<SimilarDocument[]> {
  const cut = options.segmenter ?? segmenter()
  const tokens = queryTokens(text, cut)
  if (tokens.length === 0) return []
  const client = options.client ?? db
  const limit = clamp(options.limit, 5, 1, 100)
  const minScore = Number.isFinite(options.minScore) ? Number(options.minScore) : 0
  const county = isRegionCode(options.county) ? options.county : null
  const city = county ? RegionScope.fromRegionCode(county).city.prefix : null
  const ids = options.ids ?? null
  const terms = queryTerms(text, tokens, cut)
  const searched = [...new Set([...terms.weights.keys(), ...terms.hostWords])].slice(0, MAX_QUERY_TOKENS * 2)
  const anyToken = anyTokenQuery(searched)
  const statistics = await tokenStatistics()
  // An explicit id list (the evaluation) is its own small candidate set.
  const candidates = ids ? { query: anyToken, broad: false } : candidateQuery(searched, statistics, CANDIDATE_BUDGET)
  const bindings = {
    anyToken,
    candidates: candidates.query,
    industry: options.industry || null,
    county,
    city,
    prerank: PRERANK,
    cap: candidates.broad ? BROAD_CAP : CANDIDATE_CAP,
    sourceTypes: options.sourceTypes ?? null,
    directoryTypes: [...directorySourceTypes].filter((type) => !options.withDirectories?.includes(type)),
    ids,
  }
  const filters = `d.public
    AND ${bindings.sourceTypes ? 'd.source_type = ANY(:sourceTypes::text[])' : 'NOT d.source_type = ANY(:directoryTypes::text[])'}
    ${ids ? 'AND d.id = ANY(:ids::bigint[])' : ''}`
  const boost = `(1
    + CASE WHEN d.industry_code = :industry THEN 0.5 ELSE 0 END
    + CASE WHEN d.county_code = :county THEN 0.2 WHEN d.county_code LIKE :city || '%' THEN 0.1 ELSE 0 END)`
  const columns = 'd.id, d.source_type, d.source_id, d.industry_code, d.county_code, d.text, d.answer, d.solved, d.rating'

  // Candidates are pre-ranked from the narrow columns; only the best ones' tokens are read.
  const lexical = await client.rawQuery(
    `
    SELECT d.id, d.industry_code, d.county_code, d.solved, d.rating, d.text_tokens, d.answer_tokens
    FROM (
      SELECT d.id, d.search_vector, d.industry_code, d.county_code, d.solved, d.rating FROM text_documents d
      WHERE ${filters} AND d.search_vector @@ to_tsquery('simple', :candidates)
      LIMIT :cap
    ) c JOIN text_documents d ON d.id = c.id
    ORDER BY ${options.prerank === 'frequency' ? 'ts_rank' : 'ts_rank_cd'}(c.search_vector, to_tsquery('simple', :anyToken), 1) * ${boost.replaceAll('d.', 'c.')} DESC, c.id
    LIMIT :prerank`,
    bindings
  )
  const pool: Candidate[] = lexical.rows.map((row: any) => ({
    id: Number(row.id),
    textTokens: row.text_tokens ? row.text_tokens.split(' ') : [],
    answerTokens: row.answer_tokens ? row.answer_tokens.split(' ') : [],
    industry: row.industry_code,
    county: row.county_code,
    solved: row.solved,
    rating: row.rating,
  }))
  const documents = Math.max(statistics.documents, ids?.length ?? 0, pool.length)
  const inPool = new Map<string, number>()
  for (const candidate of pool) {
    for (const token of new Set([...candidate.textTokens, ...candidate.answerTokens])) {
      if (terms.weights.has(token)) inPool.set(token, (inPool.get(token) ?? 0) + 1)
    }
  }
  const ranked = rankCandidates(terms, pool, {
    idf: (token) => idf(documents, Math.max(statistics.expected(token), inPool.get(token) ?? 0)),
    industry: options.industry || null,
    county,
    city,
    lexicon: cut.lexicon ?? undefined,
  })
    .filter((hit) => hit.score > 0 && hit.score >= minScore)
    .slice(0, limit)
  const scores = new Map(ranked.map((hit) => [hit.id, hit.score]))
  const rows: any[] = ranked.length
    ? (await client.rawQuery(`SELECT ${columns} FROM text_documents d WHERE d.id = ANY(:found::bigint[])`, { found: ranked.map((hit) => hit.id) })).rows
    : []
  rows.sort((a, b) => ranked.findIndex((hit) => hit.id === Number(a.id)) - ranked.findIndex((hit) => hit.id === Number(b.id)))
  for (const row of rows) row.score = scores.get(Number(row.id))
  const fuzzy = fuzzyText(text).slice(0, TRIGRAM_QUERY_CHARS)
  if (fuzzy && rows.length < limit && tokens.length <= TRIGRAM_MAX_TOKENS) {
    // show_trgm is empty when the database's character classes cannot see the
    // script (Tibetan under a C ctype): the guard then skips the scan.
    const found = await client.rawQuery(
      `SELECT ${columns}, word_similarity(:normalized, d.normalized_text) * ${boost} AS score
       FROM text_documents d
       WHERE cardinality(show_trgm(:normalized)) > 0 AND :normalized <% d.normalized_text
         AND ${filters} AND NOT d.id = ANY(:found::bigint[])
       ORDER BY score DESC, d.id
       LIMIT :rest`,
      { ...bindings, normalized: fuzzy, found: rows.map((row: any) => row.id), rest: limit - rows.length }
    )
    rows.push(...found.rows.filter((row: any) => Number(row.score) >= minScore))
  }
  return rows.map((row: any) => ({
    id: Number(row.id),
    sourceType: row.source_type,
    sourceId: row.source_id,
    industry: row.industry_code,
    county: row.county_code,
    text: row.text,
    answer: row.answer,
    solved: row.solved,
    rating: row.rating,
    score: roundScore(row.score),
    snippet: highlight(row.text, tokens),
  }))
}

const roundScore = (value: unknown) => Math.round(Number(value) * 10000) / 10000

export interface SearchOptions {
  /** Which directory: a source type its module registered with registerDirectorySource. */
  sourceType: string
  /** Documents labelled with this industry (main or, through tags, any other). */
  industry?: string | null
  /** Documents whose county lies in the scope; the province scope includes those without a county. */
  scope?: RegionScope | null
  /** Further labels every result must carry, e.g. ['level:county']. */
  tags?: string[]
  limit?: number
  offset?: number
  client?: TransactionClientContract
}

export interface SearchHit {
  id: number
  sourceId: string | null
  score: number
  /** HTML-escaped excerpt with the matched tokens in <mark>. */
  snippet: string
}

/** Deepest page a directory serves: beyond it nobody reads, and OFFSET cost grows. */
const MAX_SEARCH_OFFSET = 10_000

/**
 * Directory search (找专家 and other lists with a free-text box): public documents of
 * one source type, filtered, ranked by relevance, then rating.
 *
 * A directory query names what the user wants ("猕猴桃 溃疡病 成都"), so every token
 * must match (AND), a crop or animal by any of its names (苞谷 finds 玉米: hostAlternatives); only when no document has them all does any token do (OR,
 * through the informative tokens as in similar()); only when none matches at all
 * do trigrams (typos in product names, pinyin, Tibetan; Han is left to the words: fuzzyText). The mode is chosen over the whole
 * filtered directory, not the page, so paging never switches between them. A query
 * without tokens (empty, only punctuation or emoji) lists the filtered directory,
 * best rated first. At most CANDIDATE_CAP matches are ranked: a page deep in
 * thousands of equal matches is not worth seconds. Never throws on user text.
 */
export async function search(query: unknown, options: SearchOptions): Promise<SearchHit[]> {
  const client = options.client ?? db
  const tokens = queryTokens(query)
  const limit = clamp(options.limit, 20, 1, 100)
  const offset = clamp(options.offset, 0, 0, MAX_SEARCH_OFFSET)
  const tags = [...(options.industry ? [`industry:${options.industry}`] : []), ...(options.tags ?? [])]
  const prefix = options.scope && options.scope.level !== 'province' ? `${options.scope.prefix}%` : null
  const filters = `d.public AND d.source_type = :sourceType
    ${tags.length ? 'AND d.tags @> :tags::text[]' : ''}
    ${prefix ? 'AND d.county_code LIKE :prefix' : ''}`
  const bindings = { sourceType: options.sourceType, tags, prefix, limit, offset, cap: CANDIDATE_CAP }

  if (tokens.length === 0) {
    const result = await client.rawQuery(
      `SELECT d.id, d.source_id, d.text FROM text_documents d WHERE ${filters}
       ORDER BY d.rating DESC NULLS LAST, d.id LIMIT :limit OFFSET :offset`,
      bindings
    )
    return result.rows.map((row: any) => searchHit(row, 0, []))
  }

  const exists = async (tsquery: string) =>
    (await client.rawQuery(`${matchedRows(filters, 'tsquery')} SELECT EXISTS (SELECT 1 FROM matched) AS found`, { ...bindings, tsquery })).rows[0].found as boolean
  const source = segmenter().lexicon
  const alternatives = (word: string) => hostAlternatives(word, source)
  let matching: string | null = allWordsQuery(tokens, alternatives)
  const marked = [...new Set([...tokens, ...tokens.flatMap(alternatives)])]
  if (!(await exists(matching))) {
    // One token: "any" is "all", already not found.
    const anyWord = tokens.length > 1 ? candidateQuery(tokens, await tokenStatistics(), CANDIDATE_BUDGET).query : null
    matching = anyWord && (await exists(anyWord)) ? anyWord : null
  }

  if (matching === null) {
    const normalized = fuzzyText(query).slice(0, TRIGRAM_QUERY_CHARS)
    if (!normalized) return []
    const fuzzy = await client.rawQuery(
      `SELECT d.id, d.source_id, d.text, word_similarity(:normalized, d.normalized_text) AS score
       FROM text_documents d
       WHERE cardinality(show_trgm(:normalized)) > 0 AND :normalized <% d.normalized_text AND ${filters}
       ORDER BY score DESC, d.rating DESC NULLS LAST, d.id
       LIMIT :limit OFFSET :offset`,
      { ...bindings, normalized }
    )
    return fuzzy.rows.map((row: any) => searchHit(row, row.score, marked))
  }
  const result = await client.rawQuery(
    `${matchedRows(filters, 'matching')}
    SELECT d.id, d.source_id, d.text, ts_rank_cd(d.search_vector, to_tsquery('simple', :anyToken), 1) AS score
    FROM (SELECT * FROM matched LIMIT :cap) d
    ORDER BY score DESC, d.rating DESC NULLS LAST, d.id
    LIMIT :limit OFFSET :offset`,
    { ...bindings, matching, anyToken: anyTokenQuery(tokens) }
  )
  return result.rows.map((row: any) => searchHit(row, row.score, marked))
}

/**
 * search()'s filtered documents matching the tsquery bound as `:binding`, as a MATERIALIZED
 * CTE `matched`: planned for all its rows (a directory's own GIN index when the words are
 * rare) and read only as far as the query over it asks (EXISTS: one row, the ranking: the
 * candidate cap). Asked for under EXISTS or a LIMIT directly, Postgres plans for the first
 * rows and, taking a query of a crop's many names for a common one, walks the source's
 * btree through every document of the directory when none matches (柑橘 on /info at plan
 * scale: 1 s instead of 17 ms).
 */
function matchedRows(filters: string, binding: string) {
  return `WITH matched AS MATERIALIZED (
    SELECT d.id, d.source_id, d.text, d.rating, d.search_vector FROM text_documents d
    WHERE ${filters} AND d.search_vector @@ to_tsquery('simple', :${binding}))`
}

/**
 * The source ids (as bigint) of a directory's public documents that hold every word of
 * `query`, each by any of its names — as a subquery, for a list that filters by text but
 * pages and orders by its own columns (newest first, say). null when the query has no
 * words at all (punctuation, emoji): the caller decides what that lists.
 */
export function sourceIdsMatching(sourceType: string, query: unknown) {
  const tokens = queryTokens(query)
  if (tokens.length === 0) return null
  const source = segmenter().lexicon
  return db
    .from('text_documents')
    .select(db.raw('source_id::bigint'))
    .where('source_type', sourceType)
    .where('public', true)
    .whereRaw(`search_vector @@ to_tsquery('simple', ?)`, [allWordsQuery(tokens, (word) => hostAlternatives(word, source))])
}

function searchHit(row: any, score: unknown, tokens: string[]): SearchHit {
  return { id: Number(row.id), sourceId: row.source_id, score: roundScore(score), snippet: highlight(row.text, tokens) }
}

const SNIPPET_CHARS = 120

/** An excerpt around the first matched token, escaped, matches in <mark>. */
export function highlight(text: string, tokens: string[]): string {
  const lower = text.toLowerCase()
  const found = tokens.filter((token) => lower.includes(token)).sort((a, b) => b.length - a.length)
  const first = found.length ? Math.min(...found.map((token) => lower.indexOf(token))) : 0
  const start = Math.max(0, Math.min(first - 20, text.length - SNIPPET_CHARS))
  const excerpt = text.slice(start, start + SNIPPET_CHARS)
  let html = ''
  let position = 0
  const excerptLower = excerpt.toLowerCase()
  while (position < excerpt.length) {
    const token = found.find((candidate) => excerptLower.startsWith(candidate, position))
    if (token) {
      html += `<mark>${escapeHtml(excerpt.slice(position, position + token.length))}</mark>`
      position += token.length
    } else {
      html += escapeHtml(excerpt[position])
      position++
    }
  }
  return (start > 0 ? '…' : '') + html + (start + SNIPPET_CHARS < text.length ? '…' : '')
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** One document the public may read: public and solved (a case with its answer); null for any other id. */
export async function publicSolvedDocument(documentId: number, client?: TransactionClientContract) {
  if (!Number.isSafeInteger(documentId) || documentId < 1) return null
  const row = await (client ?? db)
    .from('text_documents')
    .where('id', documentId)
    .where('public', true)
    .where('solved', true)
    .select('id', 'source_type', 'text', 'answer', 'industry_code', 'county_code', 'rating', 'created_at')
    .first()
  return row ?? null
}
