import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import type Consultation from '#modules/experts/models/consultation'
import { allowWithinScope, type ScopeIntent } from '#core/accounts/scoped_access'

/**
 * The triage board belongs to the operation centres: staff and administrators, each
 * within their region scope. A case outside the scope does not exist for them (404);
 * a suspended county's staff still read its cases but may not assign them (403).
 */
export default class TriagePolicy extends BasePolicy {
  async board(user: User) {
    return user.hasRole(...SCOPED_ROLES)
  }

  manage(user: User, consultation: Consultation, intent: ScopeIntent) {
    return allowWithinScope(user, SCOPED_ROLES, consultation.countyCode, intent)
  }
}
