import { DateTime } from 'luxon'
import { BEIJING } from '#core/clock'

/** What a county centre is expected to reach when its city set no target for the year: valid consultations a month. */
export const DEFAULT_MONTHLY_TARGET = 20

/** The weights of a centre's score (out of 100). */
export const WEIGHTS = { volume: 40, triage: 20, followup: 20, rating: 20 } as const

export interface CentreFigures {
  valid: number
  target: number
  /** Shares met on time (0–1), null when nothing was due. */
  triageRate: number | null
  followupRate: number | null
  /** Mean rating 1–5, null when nobody rated. */
  averageRating: number | null
}

/**
 * A centre's score for a period, out of 100: 有效咨询量 against its target (40, capped at
 * the target), triage on time (20), follow-up on time (20), the mean rating (20, 1 star 0,
 * 5 stars 20). A share with nothing due and a period without ratings earn nothing: a
 * centre scores by the service it gave. One decimal.
 */
export function scoreOf(figures: CentreFigures): number {
  const volume = figures.target > 0 ? Math.min(1, figures.valid / figures.target) : 0
  const rating = figures.averageRating === null ? 0 : (Math.min(5, Math.max(1, figures.averageRating)) - 1) / 4
  const total =
    WEIGHTS.volume * volume + WEIGHTS.triage * (figures.triageRate ?? 0) + WEIGHTS.followup * (figures.followupRate ?? 0) + WEIGHTS.rating * rating
  return Math.round(total * 10) / 10
}

/** A month ('2026-11') or a year ('2026'). */
export const PERIOD = /^(20\d{2})(?:-(0[1-9]|1[0-2]))?$/

/**
 * A period's Beijing days as the expert service's statistics take them, with how many
 * months it holds (a year's target is twelve months'). Null for a malformed period.
 */
export function periodRange(period: string) {
  const match = PERIOD.exec(period)
  if (!match) return null
  const first = DateTime.fromObject({ year: Number(match[1]), month: match[2] ? Number(match[2]) : 1, day: 1 }, { zone: BEIJING })
  const next = match[2] ? first.plus({ months: 1 }) : first.plus({ years: 1 })
  return {
    year: first.year,
    months: match[2] ? 1 : 12,
    from: first.toJSDate(),
    to: next.toJSDate(),
    fromDay: first.toFormat('yyyy-MM-dd'),
    toDay: next.minus({ days: 1 }).toFormat('yyyy-MM-dd'),
  }
}

/** Last month (Beijing), the period a ranking opens on. */
export function lastMonth(now: DateTime): string {
  return now.setZone(BEIJING).minus({ months: 1 }).toFormat('yyyy-MM')
}
