import { lexicon } from '#core/text/lexicon'

/** The days looked at: the last week. */
export const WINDOW_DAYS = 7
/** Earlier years whose same days make the seasonal baseline. */
export const YEARS_BACK = 3
/** Never an alert under this many alike cases, whatever the history (a county with none does not alert on 2). */
export const FLOOR = 3
/** An alert when the week has more than this many times the baseline. */
export const BURST_FACTOR = 2

/** The seasonal baseline: the mean of the same days' counts in earlier years (0 without history). */
export function seasonalBaseline(earlier: number[]) {
  return earlier.length ? earlier.reduce((sum, count) => sum + count, 0) / earlier.length : 0
}

/** Whether this week's count of alike cases is an outbreak against the same days of earlier years. */
export function exceedsBaseline(current: number, earlier: number[]) {
  return current >= FLOOR && current > BURST_FACTOR * seasonalBaseline(earlier)
}

/** Lexicon categories that name what is wrong with a crop or animal. */
const PROBLEM_CATEGORIES = new Set(['disease', 'pest', 'symptom'])

/**
 * The words of a cluster that name a disease, pest or symptom (core text's lexicon): an
 * outbreak is the same problem of the same industry, so a cluster without one (a breed,
 * a place, a way of farming asked about again and again) is none.
 */
export function problemTerms(terms: string[]) {
  const words = lexicon().terms
  return terms.filter((term) => PROBLEM_CATEGORIES.has(words.get(term)?.category ?? ''))
}
