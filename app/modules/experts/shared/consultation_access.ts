import type User from '#core/accounts/models/user'
import { SCOPED_ROLES, type Role } from '#core/accounts/roles'
import Expert from '#modules/experts/models/expert'
import type Consultation from '#modules/experts/models/consultation'

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
