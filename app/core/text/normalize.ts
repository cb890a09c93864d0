/**
 * Text normalisation shared by the segmenter, the dictionaries and (later) content
 * screening: what a farmer types on a cheap phone arrives with full-width digits and
 * letters, emoji, stray punctuation and mixed case, and must compare equal to the
 * dictionary entry.
 */

/**
 * Longer input is cut: a farmer's problem is a few hundred characters, and an unbounded
 * paste must not cost unbounded segmentation time.
 */
export const MAX_TEXT_CHARS = 20_000

/** Emoji presentation selectors, keycap and tag characters: invisible once the emoji is gone. */
const EMOJI_LEFTOVERS = /[\u{FE00}-\u{FE0F}\u{20E3}\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu

/**
 * Everything that is not a letter, a combining mark (Tibetan, Yi and Devanagari need
 * them) or a digit becomes a space. This removes punctuation, symbols, emoji and
 * every tsquery/SQL operator (`& | ! : * ( ) ' \``), so no later stage can see them.
 */
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu

/** NFKC (full-width → half-width, ① → 1, ㎏ → kg), lower case, non-word runs → one space. */
export function normalizeText(text: unknown): string {
  if (typeof text !== 'string' || text.length === 0) return ''
  return text
    .slice(0, MAX_TEXT_CHARS)
    .normalize('NFKC')
    .toLowerCase()
    .replace(EMOJI_LEFTOVERS, '')
    .replace(NOT_WORD, ' ')
    .trim()
}

const HAN = /\p{Script=Han}+/gu

/**
 * The text pg_trgm compares (the fuzzy step of similar() and search()): normalised text
 * without Han characters. Chinese is matched by its words (jieba and the lexicon), which
 * already forgive a typo through the words it gets right; a trigram of three Han
 * characters is nearly a word itself, so a one-character typo in a short name leaves
 * word_similarity at 0.3–0.5, below the 0.6 that counts. What trigrams rescue are the
 * other scripts: product names and pinyin in Latin letters, Tibetan, Yi. Keeping Han
 * out also keeps the result the same under every database ctype (a C ctype sees no Han
 * letter at all) and the trigram index small.
 */
export function fuzzyText(text: unknown): string {
  return normalizeText(text).replace(HAN, ' ').replace(/ {2,}/g, ' ').trim()
}

/** A token starts with a letter or digit (never a lone combining mark) and contains nothing else. */
const SAFE_TOKEN = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}]*$/u

/**
 * Longest token kept: far below Postgres's 2 KB lexeme limit, and no real term is
 * longer; a 10,000-letter run is noise, not a word.
 */
export const MAX_TOKEN_CHARS = 32

export function isSafeToken(token: string): boolean {
  return token.length <= MAX_TOKEN_CHARS && SAFE_TOKEN.test(token)
}
