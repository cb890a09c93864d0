import { RuleError } from '#core/http/rule_error'

/**
 * The bounty's life (issue 17 §3): open → claimed (an expert chosen) → negotiating (the
 * expert took it up; the two talk off the platform) → agreed (both reported the fee) →
 * done (both rated each other); open, claimed and negotiating may be cancelled with a reason.
 * This table is the only place that says which step may follow which.
 */
export const BOUNTY_STATUSES = ['open', 'claimed', 'negotiating', 'agreed', 'done', 'cancelled'] as const
export type BountyStatus = (typeof BOUNTY_STATUSES)[number]

/** The owner picks among the grabs, or the first qualified grab wins. */
export const AWARD_MODES = ['owner_picks', 'first_qualified'] as const
export type AwardMode = (typeof AWARD_MODES)[number]

export const TRANSITIONS: Record<BountyStatus, readonly BountyStatus[]> = {
  open: ['claimed', 'cancelled'],
  claimed: ['negotiating', 'cancelled'],
  negotiating: ['agreed', 'cancelled'],
  agreed: ['done'],
  done: [],
  cancelled: [],
}

export function canMove(from: BountyStatus, to: BountyStatus) {
  return TRANSITIONS[from].includes(to)
}

/** Refuses an illegal step with the Chinese message of the state the bounty is in. */
export function assertMove(from: BountyStatus, to: BountyStatus) {
  if (!canMove(from, to)) throw new RuleError(`achievements.bounties.errors.state_${from}`, 'form')
}

/**
 * The fees both sides reported: equal, or a mismatch the centre is told of (the
 * platform takes no part in the money, but 社会化服务 statistics need the true figure).
 */
export function feeMismatch(ownerFeeFen: number | null, expertFeeFen: number | null) {
  return ownerFeeFen !== null && expertFeeFen !== null && ownerFeeFen !== expertFeeFen
}
