import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import type Consultation from '#modules/experts/models/consultation'

/**
 * The triage board belongs to the operation centres: staff and administrators, each
 * within their region scope. A case outside the scope does not exist for them (404).
 */
export default class TriagePolicy extends BasePolicy {
  async board(user: User) {
    return user.hasRole(...SCOPED_ROLES)
  }

  async manage(user: User, consultation: Consultation) {
    const scopes = await user.scopesFor(...SCOPED_ROLES)
    return scopes.some((scope) => scope.contains(consultation.countyCode))
      ? AuthorizationResponse.allow()
      : AuthorizationResponse.deny('Not found', 404)
  }
}
