import { lexicon as processLexicon, type Host, type Lexicon } from '#core/text/lexicon'
import { normalizeText } from '#core/text/normalize'
import { segmenter, type Segmenter } from '#core/text/segmenter'

/**
 * What 找类似 searches for: the query's own tokens at full weight, and the words a case
 * would use for the same thing at lower weights — the canonical and dialect names of
 * the crop or animal (苞谷 → 玉米), dialect forms (烂根根 → 根腐) and what a symptom
 * usually means (叶子发黄 → 黄化, 缺氮). The lower weights keep an expansion from
 * outranking a case that uses the farmer's own words.
 */
export interface QueryTerms {
  /** token → weight (1 for the query's own tokens) */
  weights: Map<string, number>
  /** the query's own tokens (distinct, capped) */
  exact: string[]
  /** crops and animals the query names */
  hosts: Host[]
  /**
   * Every word of those hosts (青脆李 for 李): they find candidates, and a case holding
   * one matches the host, but they add no weight of their own.
   */
  hostWords: string[]
}

/** Another word for the same crop or animal: nearly as good as the farmer's own. */
export const HOST_WORD_WEIGHT = 0.8
/** A dialect form's standard word: the same meaning, written differently. */
export const DIALECT_WEIGHT = 0.6
/** A symptom's likely terms: a hint, several of which are wrong for any one case. */
export const SYMPTOM_WEIGHT = 0.3

const WEIGHT_OF_KIND = { dialect: DIALECT_WEIGHT, symptom: SYMPTOM_WEIGHT } as const

/**
 * A term the farmer wrote without its last character (稻曲 for 稻曲病, 褐腐 for 褐腐病):
 * jieba does not know the short form and cuts it into something no case holds.
 */
export const COMPLETION_WEIGHT = 0.5
const COMPLETED_CATEGORIES = new Set(['disease', 'pest', 'symptom'])

/** Characters of query text searched for phrases: a farmer's problem fits in far fewer. */
const PHRASE_SEARCH_CHARS = 2000

const termTokens = new WeakMap<Segmenter, Map<string, string[]>>()
const completionIndex = new WeakMap<Lexicon, Map<string, string[]>>()

/** Disease, pest and symptom terms of three or more characters by their form without the last one. */
function completions(source: Lexicon): Map<string, string[]> {
  let index = completionIndex.get(source)
  if (!index) {
    index = new Map()
    for (const entry of source.terms.values()) {
      if (entry.term.length < 3 || !COMPLETED_CATEGORIES.has(entry.category)) continue
      const short = entry.term.slice(0, -1)
      if (source.terms.has(short) || source.synonyms.has(short)) continue
      index.set(short, [...(index.get(short) ?? []), entry.term])
    }
    completionIndex.set(source, index)
  }
  return index
}

/** A lexicon term as the index holds it (canonical, with its pieces), cached per segmenter. */
function tokensOf(term: string, cut: Segmenter): string[] {
  let cache = termTokens.get(cut)
  if (!cache) termTokens.set(cut, (cache = new Map()))
  let tokens = cache.get(term)
  if (!tokens) cache.set(term, (tokens = [...new Set(cut.tokenize(term))]))
  return tokens
}

/** The hosts among tokens, each once, in order of appearance. */
export function hostsOf(tokens: Iterable<string>, source: Lexicon = processLexicon()): Host[] {
  const found = new Map<string, Host>()
  for (const token of tokens) {
    const host = source.hosts.get(token)
    if (host && !found.has(host.name)) found.set(host.name, host)
  }
  return [...found.values()]
}

export function queryTerms(text: unknown, exact: string[], cut: Segmenter = segmenter()): QueryTerms {
  const weights = new Map(exact.map((token) => [token, 1]))
  const source = cut.lexicon
  if (!source) return { weights, exact, hosts: [], hostWords: [] }
  const add = (token: string, weight: number) => {
    if ((weights.get(token) ?? 0) < weight) weights.set(token, weight)
  }
  const hosts = hostsOf(exact, source)
  // The host's canonical name only: its other words include kinds (仔猪, 母猪 for 猪) that
  // say more than the farmer did. Cases naming it another way still match as a host.
  for (const host of hosts) for (const token of tokensOf(host.name, cut)) add(token, HOST_WORD_WEIGHT)
  const compact = normalizeText(typeof text === 'string' ? text.slice(0, PHRASE_SEARCH_CHARS) : '').replace(/\s+/g, '')
  for (const expansion of source.expansions) {
    if (!compact.includes(expansion.phrase)) continue
    const weight = WEIGHT_OF_KIND[expansion.kind]
    for (const term of expansion.terms) {
      for (const token of tokensOf(term, cut)) {
        add(token, weight)
        const host = source.hosts.get(token)
        if (host && !hosts.includes(host)) hosts.push(host)
      }
    }
  }
  const shortForms = completions(source)
  for (let start = 0; start < compact.length - 1; start++) {
    for (let length = 2; length <= 6 && start + length <= compact.length; length++) {
      for (const term of shortForms.get(compact.slice(start, start + length)) ?? []) {
        for (const token of tokensOf(term, cut)) add(token, COMPLETION_WEIGHT)
      }
    }
  }
  const hostWords = [...new Set(hosts.flatMap((host) => host.words.flatMap((word) => tokensOf(word, cut))))]
  return { weights, exact, hosts, hostWords }
}

/**
 * The other names a directory query's word is found by: a dialect or trade name's
 * canonical host (苞谷 → 玉米, 母猪 → 猪), and a canonical name's other words (玉米 →
 * 苞谷, 包谷…). A seller writes 包谷 where a buyer searches 玉米, and the other way round.
 */
export function hostAlternatives(word: string, source: Lexicon | null | undefined = processLexicon()): string[] {
  const host = source?.hosts.get(word)
  if (!host) return []
  return word === host.name ? host.words.filter((other) => other !== word) : [host.name]
}
