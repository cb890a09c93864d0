import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { allowWithinScope, type ScopeIntent } from '#core/accounts/scoped_access'
import type Officer from '#modules/experts/officers/officer'
import { REVIEW_ROLES } from '#modules/experts/profiles/policy'

/**
 * Centre staff verify 信息员 of their region, as they verify experts: an application of
 * another county does not exist for them (404); anyone else may not review (403).
 */
export default class OfficerPolicy extends BasePolicy {
  async review(actor: User) {
    return actor.hasRole(...REVIEW_ROLES)
  }

  async reviewOfficer(actor: User, officer: Officer, intent: ScopeIntent) {
    if (!(await actor.hasRole(...REVIEW_ROLES))) return false
    return allowWithinScope(actor, REVIEW_ROLES, officer.countyCode, intent)
  }
}
