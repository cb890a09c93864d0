/**
 * Content safety (DESIGN §6), the API every module that publishes dynamic content
 * uses:
 *
 *   registerModeratedModule('<module>', '<module>.module_name')   (once, from the module's start file)
 *   const { verdict, categories } = await screen({ module: '<module>', countyCode, text }, trx)
 *   verdict 'block' → refuse with a Chinese message; 'hold' → store the record unpublished and
 *   holdForReview(trx, { module, subjectType, subjectId, countyCode, text, categories });
 *   onReviewDecision(subjectType, handler) publishes or withdraws it when a reviewer decides.
 */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { filterFor, verdictOf } from '#core/moderation/word_filter'
import { scopesAround } from '#core/moderation/breakers'
import { isModeratedModule, type ModeratedModule, type Verdict } from '#core/moderation/vocabulary'

export { holdForReview, onReviewDecision, type HeldContent, type ReviewDecisionHandler } from '#core/moderation/reviews'
export { AUTO_TRIP_THRESHOLD, AUTO_TRIP_WINDOW_MS, isTripped as breakerStatus } from '#core/moderation/breakers'
export {
  registerModeratedModule,
  WORD_CATEGORIES,
  type ModeratedModule,
  type ReviewDecision,
  type Verdict,
  type WordCategory,
} from '#core/moderation/vocabulary'

export interface ScreenInput {
  module: ModeratedModule
  /** The county the content belongs to (null: only a province-wide breaker applies). */
  countyCode: string | null
  text: string
}

export interface ScreenResult {
  verdict: Verdict
  /** Categories of the listed words found (e.g. ['gambling']), each once. */
  categories: string[]
  /** A breaker covers this module and county: content that would pass is held instead. */
  breakerTripped: boolean
}

/**
 * Screens text before it is published. One round trip reads the word list's version
 * and the breakers; the filter itself is in memory (rebuilt only when the list moved).
 * Pass the caller's transaction as `client` to screen inside it.
 */
export async function screen({ module, countyCode, text }: ScreenInput, client: QueryClientContract = db.connection()): Promise<ScreenResult> {
  if (!isModeratedModule(module)) throw new Error(`Unknown moderated module: ${module}`)
  const { rows } = await client.rawQuery(
    `SELECT (SELECT version FROM moderation_word_list WHERE id = 1)::text AS version,
            EXISTS (SELECT 1 FROM moderation_breakers WHERE tripped AND module = ? AND scope = ANY(?)) AS tripped`,
    [module, scopesAround(countyCode)]
  )
  const breakerTripped: boolean = rows[0].tripped
  const matches = (await filterFor(rows[0].version, client)).matches(typeof text === 'string' ? text : '')
  const categories = [...new Set(matches.map((match) => match.category))]
  return { verdict: verdictOf(matches, breakerTripped), categories, breakerTripped }
}
