import { RegionScope } from '#core/regions/region_scope'
import type { ListingKind } from '#modules/achievements/shared/vocabulary'

/**
 * How a demand and an offer are ranked against each other: the text engine's score
 * (#core/text similar(): shared words weighed by rarity) plus the things a person
 * matching by hand looks at — a shared industry, how near the places are (same county >
 * same city > the province), the same kind. Pure: the matcher feeds it, the tests label it.
 */

export interface MatchSubject {
  industries: string[]
  countyCode: string
  kind: ListingKind
}

export interface MatchCandidate extends MatchSubject {
  id: number
  /** similar()'s score for this candidate's text (0 when only industry and place brought it in). */
  textScore: number
}

export type Nearness = 'county' | 'city' | 'province'

export type Reason = 'industry' | 'county' | 'city' | 'kind' | 'text'

export interface RankedMatch {
  id: number
  score: number
  /** Why, strongest first: what the reason line under a match says. */
  reasons: Reason[]
  /** The industries both name (for the reason line's wording). */
  sharedIndustries: string[]
}

export const INDUSTRY_WEIGHT = 0.6
export const NEARNESS_WEIGHT: Record<Nearness, number> = { county: 0.3, city: 0.15, province: 0 }
export const KIND_WEIGHT = 0.15
/** A text score below this says little; it is not given as a reason. */
export const TEXT_REASON_MIN = 0.08

export function nearness(a: string, b: string): Nearness {
  if (a === b) return 'county'
  return RegionScope.fromRegionCode(a).city.contains(b) ? 'city' : 'province'
}

/** The candidates best first (ties: the newer, higher id, first); a candidate with nothing in common scores 0 and is dropped. */
export function rankMatches(anchor: MatchSubject, candidates: MatchCandidate[]): RankedMatch[] {
  return candidates
    .map((candidate) => {
      const sharedIndustries = candidate.industries.filter((code) => anchor.industries.includes(code))
      const near = nearness(anchor.countyCode, candidate.countyCode)
      const sameKind = anchor.kind === candidate.kind
      const score =
        candidate.textScore + (sharedIndustries.length ? INDUSTRY_WEIGHT : 0) + NEARNESS_WEIGHT[near] + (sameKind ? KIND_WEIGHT : 0)
      const reasons: Reason[] = []
      if (sharedIndustries.length) reasons.push('industry')
      if (near !== 'province') reasons.push(near)
      if (sameKind) reasons.push('kind')
      if (candidate.textScore >= TEXT_REASON_MIN) reasons.push('text')
      // Place and kind alone do not make a match: something about the matter itself must agree.
      const relevant = sharedIndustries.length > 0 || candidate.textScore >= TEXT_REASON_MIN
      return { id: candidate.id, score: relevant ? Math.round(score * 10000) / 10000 : 0, reasons, sharedIndustries }
    })
    .filter((match) => match.score > 0)
    .sort((a, b) => b.score - a.score || b.id - a.id)
}
