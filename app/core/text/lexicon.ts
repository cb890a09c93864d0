import { readFileSync } from 'node:fs'
import { normalizeText } from '#core/text/normalize'

/**
 * The agricultural vocabulary the text engine adds to jieba: terms (crops,
 * varieties, breeds, pests, diseases, drugs, machines…) with their industries, the
 * synonym table, the "kept distinct" pairs and the stop words. The files under
 * database/data/text are the source of truth; this module only reads and checks them.
 *
 * Paths are resolved from this module (not from the booted app) so that the
 * benchmark scripts and workers can tokenize without an Adonis application.
 */
export const TEXT_DATA_DIR = new URL('../../../database/data/text/', import.meta.url)

export const INDUSTRY_CODES = [
  'grain_oil',
  'pig',
  'tea',
  'vegetable',
  'liquor',
  'bamboo',
  'fruit',
  'herb',
  'cattle_sheep',
  'fish',
  'seed',
  'equipment',
  'drying_cold_chain',
] as const
export type IndustryCode = (typeof INDUSTRY_CODES)[number]

export interface AgriTerm {
  term: string
  /** jieba frequency: how strongly the term wins against splitting it */
  freq: number
  /** crop, variety, breed, pest, disease, pesticide, fertilizer, drug, machine, symptom… */
  category: string
  industries: IndustryCode[]
}

export interface Lexicon {
  terms: Map<string, AgriTerm>
  /** variant → canonical; canonicals map to nothing */
  synonyms: Map<string, string>
  /** each group: canonical first, then its variants */
  synonymGroups: string[][]
  /** a whole term → the shorter terms inside it that name something else (非洲猪瘟 → 猪瘟) */
  distinct: Map<string, string[]>
  stopWords: Set<string>
  /** industry_head_words.tsv: a word naming a whole industry (猪, 茶园) → that industry */
  headWords: Map<string, IndustryCode>
  /** hosts.txt: crops and animals, each word (canonical or variant, as the segmenter emits it) → its host */
  hosts: Map<string, Host>
  /**
   * symptoms.tsv and dialect.tsv: a farmer's phrase (matched inside the query text) → the
   * terms a case would use, searched with a lower weight than the query's own words.
   */
  expansions: Expansion[]
}

/** A crop or animal: what a question is about, apart from what is wrong with it. */
export interface Host {
  /** the host's canonical word (水稻, 柑橘, 草鱼) */
  name: string
  /** its family (鱼 for 草鱼, 牛 for 牦牛); the name itself for a family head */
  family: string
  /** every word the host is written with, canonical first */
  words: string[]
}

export interface Expansion {
  /** normalised phrase without spaces, looked for inside the query text */
  phrase: string
  /** the terms it stands for */
  terms: string[]
  /** which file: symptom phrases say less than dialect forms of a word */
  kind: 'symptom' | 'dialect'
}

/** A data file line that cannot be read; the message names file and line for the maintainer. */
export class LexiconError extends Error {}

interface Line {
  number: number
  fields: string[]
}

/** Non-empty, non-comment lines split on whitespace. */
function lines(text: string): Line[] {
  return text
    .split('\n')
    .map((raw, index) => ({ number: index + 1, fields: raw.replace(/#.*$/, '').trim().split(/\s+/) }))
    .filter((line) => line.fields[0] !== '')
}

/** A term as the segmenter will see it: one normalised word, or an error naming the line. */
function term(raw: string, file: string, line: number): string {
  const normalised = normalizeText(raw)
  if (normalised === '' || normalised.includes(' ')) {
    throw new LexiconError(`${file}:${line}: "${raw}" is not a single word after normalisation`)
  }
  return normalised
}

/** agri_terms.txt, jieba user-dictionary format: `term freq category`. */
export function parseAgriTerms(text: string, file = 'agri_terms.txt'): AgriTerm[] {
  const seen = new Set<string>()
  return lines(text).map(({ number, fields }) => {
    const [raw, freq, category, ...rest] = fields
    if (!/^\d+$/.test(freq ?? '') || !/^[a-z]+$/.test(category ?? '') || rest.length > 0) {
      throw new LexiconError(`${file}:${number}: expected "term freq category", got "${fields.join(' ')}"`)
    }
    const word = term(raw, file, number)
    if (seen.has(word)) throw new LexiconError(`${file}:${number}: "${word}" is listed twice`)
    seen.add(word)
    return { term: word, freq: Number(freq), category: category, industries: [] }
  })
}

/** agri_term_industries.tsv: `term<TAB>code[,code…]`. */
export function parseTermIndustries(text: string, file = 'agri_term_industries.tsv'): Map<string, IndustryCode[]> {
  const map = new Map<string, IndustryCode[]>()
  for (const { number, fields } of lines(text)) {
    const [raw, codes, ...rest] = fields
    const industries = (codes ?? '').split(',')
    const unknown = industries.filter((code) => !(INDUSTRY_CODES as readonly string[]).includes(code))
    if (rest.length > 0 || unknown.length > 0) {
      throw new LexiconError(`${file}:${number}: expected "term<TAB>industry codes", got "${fields.join(' ')}"`)
    }
    const word = term(raw, file, number)
    if (map.has(word)) throw new LexiconError(`${file}:${number}: "${word}" is listed twice`)
    map.set(word, industries as IndustryCode[])
  }
  return map
}

/** synonyms.txt: one group a line, canonical first: `稻瘟病 稻瘟 穗颈瘟 叶瘟`. */
export function parseSynonyms(text: string, file = 'synonyms.txt'): string[][] {
  const owner = new Map<string, number>()
  const groups = lines(text).map(({ number, fields }) => {
    if (fields.length < 2) throw new LexiconError(`${file}:${number}: a group needs a canonical term and a variant`)
    const group = fields.map((raw) => term(raw, file, number))
    for (const word of group) {
      const other = owner.get(word)
      if (other !== undefined) {
        throw new LexiconError(`${file}:${number}: "${word}" is already in the group on line ${other}`)
      }
      owner.set(word, number)
    }
    return group
  })
  return groups
}

/** distinct.txt: `whole part…`: the whole never yields the parts (非洲猪瘟 猪瘟). */
export function parseDistinct(text: string, file = 'distinct.txt'): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const { number, fields } of lines(text)) {
    const [whole, ...parts] = fields.map((raw) => term(raw, file, number))
    if (parts.length === 0 || parts.some((part) => !whole.includes(part) || part === whole)) {
      throw new LexiconError(`${file}:${number}: each part must be a shorter piece of "${whole}"`)
    }
    map.set(whole, [...(map.get(whole) ?? []), ...parts])
  }
  return map
}

export function parseStopWords(text: string, file = 'stopwords.txt'): Set<string> {
  return new Set(lines(text).flatMap(({ number, fields }) => fields.map((raw) => term(raw, file, number))))
}

/**
 * hosts.txt: `name family word…`, one crop or animal a line: its canonical name, its
 * family (itself for a family head) and the other words farmers use for it.
 */
export function parseHosts(text: string, file = 'hosts.txt'): Host[] {
  const owner = new Map<string, number>()
  return lines(text).map(({ number, fields }) => {
    if (fields.length < 2) throw new LexiconError(`${file}:${number}: expected "name family word…", got "${fields.join(' ')}"`)
    const [name, family, ...variants] = fields.map((raw) => term(raw, file, number))
    const words = [name, ...variants]
    for (const word of words) {
      const other = owner.get(word)
      if (other !== undefined) throw new LexiconError(`${file}:${number}: "${word}" is already a host on line ${other}`)
      owner.set(word, number)
    }
    return { name, family, words }
  })
}

/**
 * symptoms.tsv / dialect.tsv: `phrase<TAB>term term…`. A phrase is one word after
 * normalisation; a line without terms, with a term equal to its phrase, or a phrase
 * listed twice is refused.
 */
export function parseExpansions(
  text: string,
  kind: Expansion['kind'],
  file = kind === 'symptom' ? 'symptoms.tsv' : 'dialect.tsv'
): Expansion[] {
  const seen = new Map<string, number>()
  return text.split('\n').flatMap((source, index) => {
    const number = index + 1
    const line = source.replace(/#.*$/, '').trimEnd()
    if (line.trim() === '') return []
    const columns = line.split('\t')
    if (columns.length !== 2 || columns[1].trim() === '') {
      throw new LexiconError(`${file}:${number}: expected "phrase<TAB>term term…", got "${line}"`)
    }
    const phrase = term(columns[0], file, number)
    const terms = columns[1].trim().split(/\s+/).map((raw) => term(raw, file, number))
    if (terms.includes(phrase)) throw new LexiconError(`${file}:${number}: "${phrase}" expands to itself`)
    const other = seen.get(phrase)
    if (other !== undefined) throw new LexiconError(`${file}:${number}: "${phrase}" is already listed on line ${other}`)
    seen.set(phrase, number)
    return [{ phrase, terms: [...new Set(terms)], kind }]
  })
}

function read(dir: URL, name: string) {
  return readFileSync(new URL(name, dir), 'utf8')
}

/** Reads and cross-checks the data files; throws a LexiconError naming the bad line. */
export function loadLexicon(dir: URL = TEXT_DATA_DIR): Lexicon {
  const termList = parseAgriTerms(read(dir, 'agri_terms.txt'))
  const terms = new Map(termList.map((entry) => [entry.term, entry]))
  for (const [word, industries] of parseTermIndustries(read(dir, 'agri_term_industries.tsv'))) {
    const entry = terms.get(word)
    if (!entry) throw new LexiconError(`agri_term_industries.tsv: "${word}" is not in agri_terms.txt`)
    entry.industries = industries
  }

  const synonymGroups = parseSynonyms(read(dir, 'synonyms.txt'))
  const synonyms = new Map<string, string>()
  for (const [canonical, ...variants] of synonymGroups) {
    for (const variant of variants) synonyms.set(variant, canonical)
  }

  const distinct = parseDistinct(read(dir, 'distinct.txt'))
  for (const [whole, parts] of distinct) {
    // A synonym bridging the two would silently undo the distinction.
    for (const part of parts) {
      const canonicalOf = (word: string) => synonyms.get(word) ?? word
      if (canonicalOf(whole) === canonicalOf(part)) {
        throw new LexiconError(`distinct.txt: "${whole}" and "${part}" are synonyms in synonyms.txt`)
      }
    }
  }

  const headWords = new Map<string, IndustryCode>()
  for (const [word, industries] of parseTermIndustries(read(dir, 'industry_head_words.tsv'), 'industry_head_words.tsv')) {
    if (industries.length !== 1) throw new LexiconError(`industry_head_words.tsv: "${word}" must name one industry`)
    headWords.set(word, industries[0])
  }

  // A host word is matched as the segmenter emits it: a synonym variant becomes its canonical term.
  const hosts = new Map<string, Host>()
  for (const host of parseHosts(read(dir, 'hosts.txt'))) {
    for (const word of host.words) {
      const token = synonyms.get(word) ?? word
      const other = hosts.get(token)
      if (other && other.name !== host.name) {
        throw new LexiconError(`hosts.txt: "${word}" is the synonym of "${token}", a word of host "${other.name}"`)
      }
      hosts.set(token, host)
      hosts.set(word, host)
    }
  }
  const expansions = [
    ...parseExpansions(read(dir, 'symptoms.tsv'), 'symptom'),
    ...parseExpansions(read(dir, 'dialect.tsv'), 'dialect'),
  ]
  const phrases = new Set<string>()
  for (const expansion of expansions) {
    if (phrases.has(expansion.phrase)) throw new LexiconError(`"${expansion.phrase}" is in both symptoms.tsv and dialect.tsv`)
    phrases.add(expansion.phrase)
  }

  return {
    terms,
    synonyms,
    synonymGroups,
    distinct,
    stopWords: parseStopWords(read(dir, 'stopwords.txt')),
    headWords,
    hosts,
    expansions,
  }
}

/** Frequency given to synonym variants and distinct wholes that are not agricultural terms themselves. */
const DEFAULT_FREQ = 1000

/**
 * The jieba user dictionary: every term, and every synonym and distinct term too,
 * so that "秋黏虫" or "非洲猪瘟" is cut as one word before it is mapped or protected.
 */
export function userDictionary(source: Lexicon): string {
  const entries = new Map<string, string>()
  for (const entry of source.terms.values()) entries.set(entry.term, `${entry.term} ${entry.freq} ${entry.category}`)
  // Host words too: 苞谷 or 黄辣丁 cut into single characters could not name their host.
  const extra = [...source.synonymGroups.flat(), ...source.distinct.keys(), ...source.hosts.keys()]
  for (const word of extra) {
    if (!entries.has(word)) entries.set(word, `${word} ${DEFAULT_FREQ} nz`)
  }
  return [...entries.values()].join('\n') + '\n'
}

let loaded: Lexicon | undefined
/** The lexicon of this process, read on first use. */
export function lexicon(): Lexicon {
  loaded ??= loadLexicon()
  return loaded
}
