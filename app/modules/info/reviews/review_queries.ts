import type User from '#core/accounts/models/user'
import { RegionScope } from '#core/regions/region_scope'
import IndustryRecord from '#modules/info/models/industry_record'
import { INFO_ROLES } from '#modules/info/shared/record_access'

export type QueueStep = 'review' | 'sign_off'

/**
 * Records waiting for this person's decision, oldest first: submitted ones to review,
 * reviewed ones to sign off, of regions their scopes cover (a county scope holds only its
 * county's records; a prefix match on the region code says exactly that), never their
 * own, and at sign-off never one they reviewed.
 */
export async function queueOf(user: User, step: QueueStep) {
  return { query: queueQuery(await user.scopesFor(...INFO_ROLES), user.id, step) }
}

function queueQuery(scopes: RegionScope[], userId: number, step: QueueStep) {
  const query = RegionScope.constrain(IndustryRecord.query(), scopes, 'region_code')
    .where('status', step === 'review' ? 'submitted' : 'reviewed')
    .whereNot('author_id', userId)
  if (step === 'sign_off') query.whereNot('reviewed_by_id', userId)
  return query
}

/** The centre home's badge: how many records wait for this person at either step. */
export async function awaitingDecisionCount(user: User): Promise<number> {
  let total = 0
  // One after the other: a request's queries may share one connection (a transaction).
  for (const step of ['review', 'sign_off'] as const) {
    total += Number((await (await queueOf(user, step)).query.count('* as total'))[0].$extras.total)
  }
  return total
}
