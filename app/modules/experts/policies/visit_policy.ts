import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import type Visit from '#modules/experts/models/visit'

/**
 * Operation-centre staff (and administrators) handle the visits of their region scope:
 * dispatch, reschedule, confirm the cost, cancel. A visit outside the scope is "not
 * found", so staff of 510104 learn nothing of 510105's visits.
 */
export default class VisitPolicy extends BasePolicy {
  async manage(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  async handle(actor: User, visit: Visit) {
    const scopes = await actor.scopesFor(...SCOPED_ROLES)
    return scopes.some((scope) => scope.contains(visit.countyCode)) ? AuthorizationResponse.allow() : AuthorizationResponse.deny('Not found', 404)
  }
}
