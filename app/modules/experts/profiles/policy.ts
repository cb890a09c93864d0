import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import type Expert from '#modules/experts/models/expert'
import { allowWithinScope, type ScopeIntent } from '#core/accounts/scoped_access'

/** Centre staff verify experts of their region; platform administrators may stand in anywhere. */
export const REVIEW_ROLES: readonly Role[] = ['center_staff', 'center_admin', 'platform_admin']

/**
 * Centre staff review expert applications of their own region only: staff of 510104
 * do not learn that a 510105 applicant exists (404). Anyone else may not review (403).
 */
export default class ProfilePolicy extends BasePolicy {
  async review(actor: User) {
    return actor.hasRole(...REVIEW_ROLES)
  }

  async reviewProfile(actor: User, expert: Expert, intent: ScopeIntent) {
    if (!(await actor.hasRole(...REVIEW_ROLES))) return false
    return allowWithinScope(actor, REVIEW_ROLES, expert.countyCode, intent)
  }
}
