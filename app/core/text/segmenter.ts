import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { lexicon, userDictionary, type Lexicon } from '#core/text/lexicon'
import { isSafeToken, normalizeText } from '#core/text/normalize'

/**
 * Chinese text → search tokens, the one tokenizer behind 找类似, directory search,
 * matching and (later) industry suggestion, so that a query and an indexed record are
 * always cut the same way.
 *
 * Pipeline: normalise (NFKC, lower case, punctuation/emoji/operators → spaces) →
 * jieba search mode with our agricultural user dictionary → synonyms to their
 * canonical term → stop words and unsafe tokens dropped. Search mode adds the
 * dictionary words inside a long word (猕猴桃溃疡病 → 猕猴桃, 溃疡病, …) so that a
 * farmer who writes only the crop or only the disease still matches; the pieces of a
 * protected whole (非洲猪瘟 → 猪瘟, a different disease) are never added.
 */
export class Segmenter {
  readonly #jieba: Jieba
  readonly #lexicon: Lexicon | null
  readonly #stopWords: Set<string>
  readonly #canonicalTokens = new Map<string, string[]>()
  /** Wholes of distinct.txt, longest first, checked against each long word */
  readonly #wholes: string[]

  /** `terms: null` is plain jieba (the lexical baseline the evaluation compares against). */
  constructor(jieba: Jieba, terms: Lexicon | null, stopWords: Set<string>) {
    this.#jieba = jieba
    this.#lexicon = terms
    this.#stopWords = stopWords
    this.#wholes = terms ? [...terms.distinct.keys()].sort((a, b) => b.length - a.length) : []
  }

  /** The vocabulary behind this segmenter; null for plain jieba (the evaluation's baseline). */
  get lexicon(): Lexicon | null {
    return this.#lexicon
  }

  /** Tokens in text order (repeats kept: they count for ranking); never throws on any input. */
  tokenize(text: unknown): string[] {
    const normalised = normalizeText(text)
    if (normalised === '') return []
    const tokens: string[] = []
    for (const [run, otherScript] of scriptRuns(normalised)) {
      if (otherScript) {
        for (const word of run.split(' ')) this.#push(word, tokens)
      } else {
        this.#cut(run, tokens)
      }
    }
    return tokens
  }

  #cut(text: string, tokens: string[]) {
    const words = this.#jieba.cut(text, true)
    const searchWords = this.#jieba.cutForSearch(text, true)
    // Search mode emits, for each word of the precise cut, the dictionary words
    // inside it and then the word itself: walk both lists to know which is which.
    let next = 0
    for (const word of words) {
      const start = next
      while (next < searchWords.length && searchWords[next] !== word) next++
      const inner = next < searchWords.length ? searchWords.slice(start, next) : []
      if (next < searchWords.length) next++
      else next = start
      this.#emit(word, inner, tokens)
    }
  }

  #emit(word: string, inner: string[], tokens: string[]) {
    const canonical = this.#lexicon?.synonyms.get(word)
    if (canonical !== undefined) {
      // A variant stands for its canonical term, pieces included, but never yields
      // pieces of its own (秋黏虫 must not yield 黏虫, another pest).
      tokens.push(...this.#tokensOfCanonical(canonical))
      return
    }
    const forbidden = this.#forbiddenInside(word)
    for (const piece of inner) {
      const canonicalPiece = this.#canonical(piece)
      if (!forbidden.has(piece) && canonicalPiece !== word) this.#push(canonicalPiece, tokens)
    }
    for (const whole of this.#wholes) {
      if (whole !== word && word.includes(whole)) this.#push(this.#canonical(whole), tokens)
    }
    this.#push(word, tokens)
  }

  #canonical(word: string): string {
    return this.#lexicon?.synonyms.get(word) ?? word
  }

  #tokensOfCanonical(canonical: string): string[] {
    let cached = this.#canonicalTokens.get(canonical)
    if (!cached) {
      cached = []
      const inner = this.#jieba.cutForSearch(canonical, false).filter((piece) => piece !== canonical)
      this.#emit(canonical, inner, cached)
      this.#canonicalTokens.set(canonical, cached)
    }
    return cached
  }

  /** Pieces that must not be emitted for this word: those that name something else. */
  #forbiddenInside(word: string): Set<string> {
    const forbidden = new Set<string>()
    if (word.length < 3 || !this.#lexicon) return forbidden
    for (const whole of this.#wholes) {
      if (word.includes(whole)) for (const part of this.#lexicon.distinct.get(whole)!) forbidden.add(part)
    }
    return forbidden
  }

  #push(token: string, tokens: string[]) {
    if (!isSafeToken(token) || this.#stopWords.has(token)) return
    // Lone letters and one- or two-digit numbers are quantities and list markers, not terms.
    if (/^(?:[a-z]|\d{1,2})$/.test(token)) return
    tokens.push(token)
  }
}

/**
 * jieba knows Chinese and ASCII words only; it would cut Tibetan, Yi or Cyrillic
 * (written in Sichuan's autonomous prefectures, or pasted) into single letters and
 * combining marks. Such runs bypass jieba and stay whole words.
 */
const OTHER_SCRIPT = /[^\s\p{Script=Han}\p{Script=Latin}\p{N}][^\p{Script=Han}\p{Script=Latin}\p{N}]*/gu

/** [run, isOtherScript] pairs in text order; one pair for ordinary Chinese text. */
function scriptRuns(text: string): [string, boolean][] {
  const runs: [string, boolean][] = []
  let last = 0
  for (const match of text.matchAll(OTHER_SCRIPT)) {
    if (match.index > last) runs.push([text.slice(last, match.index), false])
    runs.push([match[0].trim(), true])
    last = match.index + match[0].length
  }
  if (last < text.length) runs.push([text.slice(last), false])
  return runs
}

let agricultural: Segmenter | undefined
let baseline: Segmenter | undefined

/**
 * The process's segmenter: jieba's dictionary (≈ 0.2 s to load) plus ours, built once
 * on first use and shared by every request.
 */
export function segmenter(): Segmenter {
  if (!agricultural) {
    const jieba = Jieba.withDict(dict)
    const lex = lexicon()
    jieba.loadDict(Buffer.from(userDictionary(lex)))
    agricultural = new Segmenter(jieba, lex, lex.stopWords)
  }
  return agricultural
}

/** Plain jieba with the same normalisation and stop words: the baseline of the evaluation only. */
export function baselineSegmenter(): Segmenter {
  baseline ??= new Segmenter(Jieba.withDict(dict), null, lexicon().stopWords)
  return baseline
}

export function tokenize(text: unknown): string[] {
  return segmenter().tokenize(text)
}

/**
 * Tokens joined by single spaces, for `to_tsvector('simple', …)` and for building a
 * tsquery: every token is letters, marks and digits only, so Postgres's parser
 * splits the string back into exactly these tokens and no operator can be injected.
 */
export function toTsText(text: unknown): string {
  return tokenize(text).join(' ')
}
