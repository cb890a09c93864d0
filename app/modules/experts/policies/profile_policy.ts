import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import type Expert from '#modules/experts/models/expert'

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

  async reviewProfile(actor: User, expert: Expert) {
    const scopes = await actor.scopesFor(...REVIEW_ROLES)
    if (scopes.length === 0) return false
    return scopes.some((scope) => scope.contains(expert.countyCode)) ? AuthorizationResponse.allow() : AuthorizationResponse.deny('Not found', 404)
  }
}
