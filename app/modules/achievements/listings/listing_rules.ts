import type { DateTime } from 'luxon'
import { RuleError } from '#core/http/rule_error'
import { beijingDate, today } from '#core/clock'

/**
 * The rules of a demand's money and time that no field rule can see alone: a budget's
 * lower end not above its upper end, a deadline not before today (Beijing, on the
 * platform clock). Shared with bounties.
 */
export function checkBudget(minFen: number | null, maxFen: number | null) {
  if (minFen !== null && maxFen !== null && minFen > maxFen) throw new RuleError('achievements.listings.errors.budget_order', 'budget_max')
}

/** A typed deadline (YYYY-MM-DD) as a Beijing day, or null without one; no such day or a past one is refused. */
export function deadlineOf(day: string | undefined | null, field = 'deadline'): DateTime | null {
  if (!day) return null
  const deadline = beijingDate(day)
  if (!deadline.isValid) throw new RuleError('achievements.listings.errors.deadline_invalid', field)
  if (deadline < today()) throw new RuleError('achievements.listings.errors.deadline_past', field)
  return deadline
}

/** An offer says granted or applied for a patent: it needs the number; without one, no number. */
export function checkPatent(ipStatus: string, patentNumber: string | null) {
  if (ipStatus === 'granted' && !patentNumber) throw new RuleError('achievements.listings.errors.patent_needed', 'patent_number')
}
