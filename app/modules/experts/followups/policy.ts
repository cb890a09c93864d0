import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type Consultation from '#modules/experts/models/consultation'
import { FOLLOWUP_ROLES } from '#modules/experts/shared/staff'
import { allowWithinScope, type ScopeIntent } from '#core/accounts/scoped_access'

/**
 * 回访 belongs to centre staff and administrators (403 for everyone else); a case
 * outside their scope does not exist for them (404), so 510104 learns nothing of 510105.
 */
export default class FollowupPolicy extends BasePolicy {
  async work(actor: User) {
    return actor.hasRole(...FOLLOWUP_ROLES)
  }

  handle(actor: User, consultation: Consultation, intent: ScopeIntent) {
    return allowWithinScope(actor, FOLLOWUP_ROLES, consultation.countyCode, intent)
  }
}
