import { INDUSTRY_CODES, lexicon, type IndustryCode } from '#core/text/lexicon'
import { tokenize } from '#core/text/segmenter'

/**
 * The most likely 10+3 industry of a need's text, to pre-fill a form's industry and to
 * route new needs for triage. Evidence is the industry-tagged terms of
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

/**
 * Head words a farmer uses for the whole industry, which the term file leaves out
 * because they are too short or too common to be dictionary terms (猪, 羊, 鱼), or
 * which it files under another industry than Sichuan's 10+3 do for a need (高粱 there
 * is grain_oil; in Sichuan it is grown for 川酒; 烘干机 there is equipment, but a need
 * about drying is for the drying and cold chain service). They override the term file
 * and vote double, being what the need is about rather than a detail of it.
 */
const HEAD_WORDS: Record<string, IndustryCode> = {
  猪: 'pig', 生猪: 'pig', 母猪: 'pig', 仔猪: 'pig', 小猪: 'pig', 猪儿: 'pig', 猪场: 'pig',
  牛: 'cattle_sheep', 羊: 'cattle_sheep', 牦牛: 'cattle_sheep', 山羊: 'cattle_sheep', 肉牛: 'cattle_sheep',
  鱼: 'fish', 虾: 'fish', 龙虾: 'fish', 小龙虾: 'fish', 鱼塘: 'fish', 塘: 'fish',
  稻子: 'grain_oil', 麦子: 'grain_oil', 包谷: 'grain_oil',
  茶: 'tea', 茶叶: 'tea', 茶芽: 'tea', 茶园: 'tea',
  高粱: 'liquor', 酒: 'liquor', 酒厂: 'liquor',
  竹: 'bamboo', 竹子: 'bamboo', 笋: 'bamboo', 竹笋: 'bamboo',
  烘干: 'drying_cold_chain', 烘干机: 'drying_cold_chain', 冷库: 'drying_cold_chain', 冷链: 'drying_cold_chain',
  果园: 'fruit', 桃树: 'fruit',
  药材: 'herb', 中药材: 'herb',
  收割机: 'equipment', 插秧机: 'equipment', 机器: 'equipment', 农机: 'equipment',
}
const HEAD_WEIGHT = 2

function emptyScores(): Record<IndustryCode, number> {
  return Object.fromEntries(INDUSTRY_CODES.map((code) => [code, 0])) as Record<IndustryCode, number>
}

export function suggestIndustry(text: unknown): IndustrySuggestion {
  const scores = emptyScores()
  const terms = lexicon().terms
  for (const token of new Set(tokenize(text))) {
    const head = HEAD_WORDS[token]
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
