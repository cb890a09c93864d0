import { HOUR, MINUTE } from '#core/clock'
/**
 * States of a consultation (DESIGN §4) and the deadlines of the plan 五(三)1.
 * Every change of state goes through recordTransition (actions/transition.ts),
 * which writes one experts_consultation_events row.
 */
export const CONSULTATION_STATES = [
  'submitted',
  'resolved_by_similar',
  'awaiting_triage',
  'assigned',
  'answering',
  'visit_requested',
  'visit_dispatched',
  'visited',
  'closed',
  'followed_up',
] as const

export type ConsultationState = (typeof CONSULTATION_STATES)[number]

/** States in which the case counts against its expert's open load. */
export const OPEN_FOR_EXPERT: readonly ConsultationState[] = ['assigned', 'answering', 'visit_requested', 'visit_dispatched', 'visited']

/** States in which the reporter and the expert can still talk. */
export const CONVERSATION_OPEN: readonly ConsultationState[] = ['answering', 'visit_requested', 'visit_dispatched', 'visited']

export const TRIAGE_LEVELS = ['county', 'city', 'province', 'center'] as const
export type TriageLevel = (typeof TRIAGE_LEVELS)[number]

export const EXPERT_LEVELS = ['county', 'city', 'province'] as const
export type ExpertLevel = (typeof EXPERT_LEVELS)[number]

/** A submitted case nobody touched (no similar case chosen, no expert asked) for this long goes to triage by itself. */
export const SUBMITTED_IDLE_MS = 10 * MINUTE
/** Triage: a case waits at most 1 hour for an expert. */
export const TRIAGE_WINDOW_MS = HOUR
/** An assigned expert accepts or answers within 3 hours. */
export const RESPONSE_WINDOW_MS = 3 * HOUR
/** The centre phones back within 7 days of closing. */
export const FOLLOWUP_WINDOW_MS = 7 * 24 * HOUR
/** An answered case with no word from the reporter for this long closes itself. */
export const AUTO_CLOSE_AFTER_MS = 7 * 24 * HOUR
/** SMS links for experts and farmers stay valid this long. */
export const LINK_TTL_MS = 72 * HOUR

/** Content safety of a case's text or a message: held until a reviewer approves or rejects it. */
export type Moderation = 'pass' | 'held' | 'rejected'
