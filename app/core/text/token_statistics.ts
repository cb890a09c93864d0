import db from '@adonisjs/lucid/services/db'

/**
 * How many documents hold each token, so that a query can find its candidates
 * through its informative tokens only. At a million cases, "叶子" or "咋个办" are in
 * a tenth of the index: an OR over them makes Postgres fetch and rank hundreds of
 * thousands of rows (seconds), while the rare tokens of the same query ("霜霉病",
 * "叶脉") point at a few thousand, among which the answer is.
 *
 * The counts come from Postgres's own statistics of the tsvector column (pg_stats'
 * most common elements, kept by ANALYZE/autovacuum; migration 0241 raises their
 * number): no table or job of ours to keep in step. A token missing from them is
 * rarer than the least common listed one.
 */
export class TokenStatistics {
  readonly #frequencies: ReadonlyMap<string, number>

  constructor(
    /** Documents in the index when last analysed. */
    readonly documents: number,
    frequencies: ReadonlyMap<string, number>,
    /** Share of documents below which tokens are not listed. */
    readonly floor: number
  ) {
    this.#frequencies = frequencies
  }

  /** Expected documents holding the token; unlisted tokens count half the floor. */
  expected(token: string): number {
    return (this.#frequencies.get(token) ?? this.floor / 2) * this.documents
  }

  static readonly empty = new TokenStatistics(0, new Map(), 0)
}

const REFRESH_MS = 10 * 60_000
let cached: { at: number; statistics: Promise<TokenStatistics> } | null = null

/** The statistics of text_documents.search_vector, read at most every 10 minutes per process. */
export function tokenStatistics(): Promise<TokenStatistics> {
  if (!cached || Date.now() - cached.at > REFRESH_MS) {
    const statistics = readStatistics()
    cached = { at: Date.now(), statistics }
    // A failed read is retried on the next query instead of being cached.
    statistics.catch(() => {
      if (cached?.statistics === statistics) cached = null
    })
  }
  return cached.statistics
}

/** Drops the cached statistics (after a bulk load, or in tests). */
export function forgetTokenStatistics() {
  cached = null
}

async function readStatistics(): Promise<TokenStatistics> {
  const result = await db.rawQuery(`
    SELECT s.most_common_elems::text::text[] AS tokens, s.most_common_elem_freqs AS frequencies,
      greatest(c.reltuples, 0)::float8 AS documents
    FROM pg_class c
    LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'text_documents' AND s.attname = 'search_vector'
    WHERE c.oid = to_regclass('text_documents')`)
  const row = result.rows[0]
  if (!row?.tokens) return TokenStatistics.empty
  const tokens: string[] = row.tokens
  const frequencies: number[] = row.frequencies.map(Number)
  // After the per-token frequencies Postgres stores the minimum, the maximum and the null share.
  const floor = frequencies[tokens.length] ?? 0
  return new TokenStatistics(
    Number(row.documents),
    new Map(tokens.map((token, index) => [token, frequencies[index]])),
    floor
  )
}

/** A token as a tsquery lexeme (tokens hold letters, marks and digits only; quoting is belt and braces). */
export const lexeme = (token: string) => `'${token.replace(/['\\]/g, '')}'`

/**
 * The tsquery text matching any of the tokens. Built here, not in SQL, so that
 * Postgres folds to_tsquery of it into one constant instead of parsing it again for
 * every ranked row; the tokens are letters, marks and digits, each quoted as a
 * lexeme, so no user text is ever parsed as syntax.
 */
export const anyTokenQuery = (tokens: string[]) => tokens.map(lexeme).join(' | ')

/** Tokens that may accompany the rarest one when every token is common. */
const COMPANIONS = 4

export interface Candidates {
  /** tsquery text for to_tsquery */
  query: string
  /**
   * Even the narrowest query expects more than the budget: one common word alone
   * ("今年", "叶片"). Its matches are all alike to the ranking, so a few hundred of
   * them are as good as a hundred thousand, and much cheaper.
   */
  broad: boolean
}

/**
 * The tsquery (text for to_tsquery) that finds a query's candidate documents while
 * expecting at most `budget` of them: the rarest tokens first, ORed, as many as fit.
 * When even the rarest token is too common, candidates must hold it together with
 * one of the next rarest few ("荞麦 & (阴雨寡照 | 叶尖 | 干枯)"): at most as many as
 * the rarest token alone, usually far fewer. (Pairs of common tokens are no
 * answer: they go together — 叶尖 and 干枯 meet in ten thousand "叶尖干枯".) The
 * rest of the tokens still count when candidates are ranked.
 */
export function candidateQuery(tokens: string[], statistics: TokenStatistics, budget: number): Candidates {
  if (tokens.length === 0) return { query: '', broad: false }
  const byRarity = [...tokens].sort((a, b) => statistics.expected(a) - statistics.expected(b) || (a < b ? -1 : 1))
  const chosen: string[] = []
  let expected = 0
  for (const token of byRarity) {
    const documents = statistics.expected(token)
    if (chosen.length > 0 && expected + documents > budget) break
    chosen.push(token)
    expected += documents
  }
  if (expected <= budget) return { query: anyTokenQuery(chosen), broad: false }
  const [rarest, ...others] = byRarity
  // A companion inside the rarest token (叶尖 in 叶尖干枯) adds nothing: the token implies it.
  const companions = others.filter((token) => !rarest.includes(token)).slice(0, COMPANIONS)
  if (companions.length === 0) return { query: lexeme(rarest), broad: true }
  return { query: `${lexeme(rarest)} & (${anyTokenQuery(companions)})`, broad: false }
}
