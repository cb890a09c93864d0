import { Exception } from '@adonisjs/core/exceptions'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES, type Role } from '#core/accounts/roles'
import Expert from '#modules/experts/models/expert'
import Consultation from '#modules/experts/models/consultation'
import Visit from '#modules/experts/models/visit'
import { linkIssuedAt, verifyCaseLink } from '#modules/experts/shared/case_links'
import type { VisitViewerMode } from '#modules/experts/visits/paths'

/*
 * Who someone is to a case — the one place every page, SMS link, policy and file check
 * of the expert service asks: viewerOf (the case page and its thread: reporter, assigned
 * expert, centre staff in scope), participantFor (visits and closing: reporter, the
 * case's experts, the farmer by link) and caseLinkHolder (what an SMS link names).
 */

/** Who may report a problem (报需求): farmers, 信息员 for farmers, and market entities. */
export const REPORTER_ROLES: readonly Role[] = ['farmer', 'info_officer', 'market_entity']

/** Which side of a case someone stands on, for the conversation and its held messages. */
export type CaseSide = 'reporter' | 'expert' | 'staff'

/**
 * Who is looking at a case. `userId` null: the farmer through the SMS link (no
 * account). Reviewers (staff whose scope holds the county) also see held messages.
 */
export interface CaseViewer {
  userId: number | null
  side: CaseSide
  reviewer: boolean
}

export function isReporter(user: User, consultation: Consultation) {
  return Number(user.id) === Number(consultation.reporterId)
}

async function isAssignedExpert(user: User, consultation: Consultation) {
  if (!consultation.expertId) return false
  const expert = await Expert.query().where('id', consultation.expertId).where('user_id', user.id).select('id').first()
  return !!expert
}

/** Centre staff, centre and platform administrators whose region scope contains the case's county. */
async function isScopedStaff(user: User, consultation: Consultation) {
  return (await user.scopesFor(...SCOPED_ROLES)).some((scope) => scope.contains(consultation.countyCode))
}

/**
 * The reporter, the expert it is assigned to, and centre staff of its region: nobody
 * else learns that the case exists. A market entity is a reporter like any other, so
 * it sees only its own cases.
 */
export async function viewerOf(user: User | null | undefined, consultation: Consultation): Promise<CaseViewer | null> {
  if (!user) return null
  const staff = await isScopedStaff(user, consultation)
  if (isReporter(user, consultation)) return { userId: Number(user.id), side: 'reporter', reviewer: staff }
  if (await isAssignedExpert(user, consultation)) return { userId: Number(user.id), side: 'expert', reviewer: staff }
  if (staff) return { userId: Number(user.id), side: 'staff', reviewer: true }
  return null
}

/** The farmer following the case through the signed SMS link. */
export const FARMER_LINK_VIEWER: CaseViewer = { userId: null, side: 'reporter', reviewer: false }

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
  const holder = await caseLinkHolder(Number(consultation.id), token)
  if (!holder.ok) return null
  if (holder.audience === 'farmer') return { role: 'farmer', userId: null }
  if (!(await isCaseExpert(holder.expert.id, consultation))) return null
  return { role: 'expert', userId: holder.expert.userId, expertId: holder.expert.id }
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

/** Someone with no part in a case is told it does not exist (the Chinese 404 page). */
export function notFound() {
  return new Exception('Not found', { status: 404, code: 'E_NOT_FOUND' })
}

/** What a verified SMS link names: the case and its farmer or expert; or why it is refused ('missing': no such case). */
export type CaseLinkHolder =
  | { ok: true; consultation: Consultation; audience: 'farmer' }
  | { ok: true; consultation: Consultation; audience: 'expert'; expert: Expert }
  | { ok: false; reason: 'invalid' | 'expired' | 'missing' | 'ended' }

export async function caseLinkHolder(consultationId: number, token: unknown): Promise<CaseLinkHolder> {
  const check = verifyCaseLink(consultationId, token)
  if (!check.ok) return check
  const consultation = await Consultation.find(consultationId)
  if (!consultation) return { ok: false, reason: 'missing' }
  const endedAt = check.link.audience === 'farmer' ? consultation.farmerLinkEndedAt : consultation.expertLinkEndedAt
  if (endedAt && linkIssuedAt(check.link) <= endedAt.toMillis()) return { ok: false, reason: 'ended' }
  if (check.link.audience === 'farmer') return { ok: true, consultation, audience: 'farmer' }
  const expert = await Expert.find(check.link.subjectId)
  if (!expert) return { ok: false, reason: 'invalid' }
  return { ok: true, consultation, audience: 'expert', expert }
}
