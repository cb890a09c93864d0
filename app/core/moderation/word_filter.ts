import { Mint } from 'mint-filter'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { Verdict, WordAction, WordCategory } from '#core/moderation/vocabulary'

export interface WordEntry {
  normalized: string
  category: WordCategory
  action: WordAction
}

export interface WordMatch extends WordEntry {
  /** The stretch of the original text that matched, separators included ("赌 * 博"). */
  excerpt: string
}

/**
 * Everything that is not a letter or a digit — spaces, punctuation, symbols, emoji,
 * zero-width and other format characters, combining marks — is dropped before
 * matching, so "赌 博", "赌*博", "赌\u200b博" and "赌🎲博" all read "赌博".
 */
const KEEP = /[\p{L}\p{N}]/u
const LATIN = /[a-z0-9]/

/**
 * The screening form of a text: NFKC (full-width → half-width, ① → 1), lower case,
 * only letters and digits. `origins[i]` is the index in `text` of compact char i.
 */
export function compact(text: string): { compact: string; origins: number[] } {
  let out = ''
  const origins: number[] = []
  let index = 0
  for (const char of text) {
    for (const piece of char.normalize('NFKC').toLowerCase()) {
      if (!KEEP.test(piece)) continue
      out += piece
      for (let unit = 0; unit < piece.length; unit++) origins.push(index)
    }
    index += char.length
  }
  return { compact: out, origins }
}

/** The key a word is stored and matched under ('' when nothing screenable is left). */
export function normalizeWord(word: string): string {
  return compact(word).compact
}

/** Whether the original character at `index` is part of a Latin word (a letter or digit). */
function latinAt(text: string, index: number): boolean {
  const char = String.fromCodePoint(text.codePointAt(index) ?? 32)
  return LATIN.test(char.normalize('NFKC').toLowerCase())
}

/** The code-point index before `index` (a surrogate pair counts once). */
function previousIndex(text: string, index: number): number {
  const low = text.charCodeAt(index - 1)
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1
}

/** block beats hold beats pass; a tripped breaker holds what would pass. */
export function verdictOf(matches: WordMatch[], breakerTripped: boolean): Verdict {
  if (matches.some((match) => match.action === 'block')) return 'block'
  return matches.length > 0 || breakerTripped ? 'hold' : 'pass'
}

type TrieNode = Mint['root']

/**
 * The list compiled into an Aho–Corasick automaton by mint-filter. Our own walk over
 * its trie follows the failure links to report every match: mint's own search reports
 * only the deepest node, and so misses "bc" inside "abcx" when "abcd" is also listed.
 */
export class WordFilter {
  readonly #automaton: Mint
  readonly #entries: Map<string, WordEntry>

  constructor(entries: WordEntry[]) {
    this.#entries = new Map(entries.filter((entry) => entry.normalized).map((entry) => [entry.normalized, entry]))
    this.#automaton = new Mint([...this.#entries.keys()])
  }

  get size() {
    return this.#entries.size
  }

  /** Every listed word in the text, each once. */
  matches(text: string): WordMatch[] {
    if (!text || this.#entries.size === 0) return []
    const { compact: screened, origins } = compact(text)
    const root: TrieNode = this.#automaton.root
    const found = new Map<string, WordMatch>()
    let node = root
    for (let i = 0; i < screened.length; i++) {
      const char = screened[i]
      while (node !== root && !Object.hasOwn(node.children, char)) node = node.fail ?? root
      node = Object.hasOwn(node.children, char) ? node.children[char] : root
      for (let out = node; out !== root; out = out.fail ?? root) {
        if (!out.word) continue
        const start = i - out.depth + 1
        const normalized = screened.slice(start, i + 1)
        if (found.has(normalized)) continue
        const from = origins[start]
        const to = origins[i] + (text.codePointAt(origins[i])! > 0xffff ? 2 : 1)
        if (this.#isPartOfLongerLatinWord(text, normalized, from, to)) continue
        found.set(normalized, { ...this.#entries.get(normalized)!, excerpt: text.slice(from, to) })
      }
    }
    return [...found.values()]
  }

  /**
   * Latin text has word boundaries that Chinese lacks: a Latin entry counts only as a
   * whole word of the original text ("sex" is not in "is exit"), while separators
   * inside it are still ignored ("s.e.x").
   */
  #isPartOfLongerLatinWord(text: string, normalized: string, from: number, to: number) {
    if (LATIN.test(normalized[0]) && from > 0 && latinAt(text, previousIndex(text, from))) return true
    return LATIN.test(normalized.at(-1)!) && to < text.length && latinAt(text, to)
  }
}

/**
 * The process's filter. Before each screening the list's version (one row, one
 * indexed read that `screen` makes together with the breaker check) is compared, so
 * a change in any process reaches every process on its next screening.
 */
let current: { version: string; filter: Promise<WordFilter> } | null = null

export function filterFor(version: string, client: QueryClientContract): Promise<WordFilter> {
  if (current?.version !== version) {
    const filter = client
      .from('moderation_words')
      .select('normalized', 'category', 'action')
      .then((rows: WordEntry[]) => new WordFilter(rows))
    current = { version, filter }
    // A failed load must not stay cached.
    filter.catch(() => {
      if (current?.filter === filter) current = null
    })
  }
  return current.filter
}
