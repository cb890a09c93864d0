import { Exception } from '@adonisjs/core/exceptions'
import type User from '#core/accounts/models/user'
import type Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import Visit from '#modules/experts/models/visit'
import { verifyCaseLink } from '#modules/experts/shared/case_links'
import type { VisitViewerMode } from '#modules/experts/visits/paths'

/** Ids of bigint columns arrive as strings from pg: compare them as numbers. */
export function sameId(a: number | string | null | undefined, b: number | string | null | undefined) {
  return a !== null && a !== undefined && b !== null && b !== undefined && Number(a) === Number(b)
}

/**
 * Who someone is to a case, as far as visits and closing go: its reporter; one of its
 * experts (the assignee, or the expert sent on one of its visits); or the farmer an
 * 信息员 reported for, who comes only through the SMS link and has no account here.
 */
export type Participant =
  | { role: 'reporter'; userId: number }
  | { role: 'expert'; userId: number; expertId: number }
  | { role: 'farmer'; userId: null }

async function isCaseExpert(expertId: number, consultation: Consultation) {
  if (sameId(expertId, consultation.expertId)) return true
  const sent = await Visit.query()
    .where('consultation_id', consultation.id)
    .where('expert_id', expertId)
    .whereNot('status', 'cancelled')
    .first()
  return !!sent
}

export async function signedInParticipant(user: User | null | undefined, consultation: Consultation): Promise<Participant | null> {
  if (!user) return null
  if (sameId(user.id, consultation.reporterId)) return { role: 'reporter', userId: user.id }
  const expert = await Expert.findBy('userId', user.id)
  if (expert && (await isCaseExpert(expert.id, consultation))) return { role: 'expert', userId: user.id, expertId: expert.id }
  return null
}

/** The holder of a valid SMS link of this case; null for a tampered, expired or foreign link. */
export async function linkParticipant(consultation: Consultation, token: unknown): Promise<Participant | null> {
  const check = verifyCaseLink(Number(consultation.id), token)
  if (!check.ok) return null
  if (check.link.audience === 'farmer') return { role: 'farmer', userId: null }
  const expert = await Expert.find(check.link.subjectId)
  if (!expert || !(await isCaseExpert(expert.id, consultation))) return null
  return { role: 'expert', userId: expert.userId, expertId: expert.id }
}

/** The participant for a viewer mode: signed in for 'reporter'/'expert', by link otherwise. */
export function participantFor(
  consultation: Consultation,
  mode: VisitViewerMode,
  viewer: { user?: User | null; token?: string | null }
): Promise<Participant | null> {
  if (mode === 'expert_link' || mode === 'farmer_link') return linkParticipant(consultation, viewer.token)
  return signedInParticipant(viewer.user, consultation)
}

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

/** Someone with no part in a case is told it does not exist (the Chinese 404 page). */
export function notFound() {
  return new Exception('Not found', { status: 404, code: 'E_NOT_FOUND' })
}
