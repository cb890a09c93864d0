import type Consultation from '#modules/experts/models/consultation'
import type Visit from '#modules/experts/models/visit'
import { sameId, type Participant } from '#modules/experts/shared/consultation_access'

/* What each party of a case may do about visits and closing (who the party is: shared/consultation_access.ts). */

/** Only the reporter or the case's own expert asks for a visit, and only while it is being answered. */
export function mayRequestVisit(participant: Participant | null, consultation: Consultation) {
  if (consultation.state !== 'answering' || !participant) return false
  return participant.role === 'reporter' || (participant.role === 'expert' && sameId(participant.expertId, consultation.expertId))
}

/** Only the expert sent records the outcome of a dispatched visit. */
export function mayRecordOutcome(participant: Participant | null, consultation: Consultation, visit: Visit) {
  return (
    participant?.role === 'expert' &&
    visit.status === 'dispatched' &&
    consultation.state === 'visit_dispatched' &&
    sameId(participant.expertId, visit.expertId)
  )
}

/** States from which the reporter (or the farmer by link) closes and rates. */
export const CLOSABLE_STATES = ['answering', 'visited'] as const

export function mayClose(participant: Participant | null, consultation: Consultation) {
  return (
    (participant?.role === 'reporter' || participant?.role === 'farmer') &&
    (CLOSABLE_STATES as readonly string[]).includes(consultation.state)
  )
}
