import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import type Visit from '#modules/experts/models/visit'
import { allowWithinScope, type ScopeIntent } from '#core/accounts/scoped_access'

/**
 * Operation-centre staff (and administrators) handle the visits of their region scope:
 * dispatch, reschedule, confirm the cost, cancel. A visit outside the scope is "not
 * found", so staff of 510104 learn nothing of 510105's visits.
 */
export default class VisitPolicy extends BasePolicy {
  async manage(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  handle(actor: User, visit: Visit, intent: ScopeIntent) {
    return allowWithinScope(actor, SCOPED_ROLES, visit.countyCode, intent)
  }
}
