import { INDUSTRY_CODES, lexicon, type IndustryCode } from '#core/text/lexicon'
import { tokenize } from '#core/text/segmenter'

/**
 * The most likely 10+3 industry of a need's text, to pre-fill a form's industry and to
 * route new needs to the right people. Evidence is the industry-tagged terms of
 * agri_term_industries.tsv (generic terms such as pesticides and symptoms have no line
 * there, so they never vote). A term tagged with one industry says far more than one
 * shared by several (猪 and 牛 share 口蹄疫), so a term's vote is split as 1/n² over its
 * n industries. A term counts once however often it is repeated: a farmer who writes
 * 猪 five times is not five times surer.
 */
export interface IndustrySuggestion {
  /** null when the text names nothing agricultural or the evidence is too split */
  industry: IndustryCode | null
  /** the top industry's share of all votes, 0..1 (0 without evidence) */
  confidence: number
  /** votes per industry code, every code present */
  scores: Record<IndustryCode, number>
}

/**
 * Below this share the top industry is little better than a coin toss between two; the
 * form then stays empty rather than pre-filled with a guess the farmer may not correct.
 */
export const MIN_CONFIDENCE = 0.5

/** Head words (industry_head_words.tsv) name what the need is about, so they vote double. */
const HEAD_WEIGHT = 2

function emptyScores(): Record<IndustryCode, number> {
  return Object.fromEntries(INDUSTRY_CODES.map((code) => [code, 0])) as Record<IndustryCode, number>
}

export function suggestIndustry(text: unknown): IndustrySuggestion {
  const scores = emptyScores()
  const { terms, headWords } = lexicon()
  for (const token of new Set(tokenize(text))) {
    const head = headWords.get(token)
    if (head) {
      scores[head] += HEAD_WEIGHT
      continue
    }
    const industries = terms.get(token)?.industries ?? []
    for (const code of industries) scores[code] += 1 / industries.length ** 2
  }
  const total = INDUSTRY_CODES.reduce((sum, code) => sum + scores[code], 0)
  if (total === 0) return { industry: null, confidence: 0, scores }
  let top: IndustryCode = INDUSTRY_CODES[0]
  for (const code of INDUSTRY_CODES) if (scores[code] > scores[top]) top = code
  const confidence = Math.round((scores[top] / total) * 1000) / 1000
  // A tie at the top is no suggestion, whatever the threshold.
  const tied = INDUSTRY_CODES.some((code) => code !== top && scores[code] === scores[top])
  return { industry: confidence >= MIN_CONFIDENCE && !tied ? top : null, confidence, scores }
}
