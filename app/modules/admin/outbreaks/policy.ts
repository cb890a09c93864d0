import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { allowWithinScope } from '#core/accounts/scoped_access'
import type OutbreakAlert from '#modules/admin/outbreaks/outbreak_alert'

/**
 * 疫情预警 belong to the centres: staff of a scope see and decide the alerts of its
 * counties (the controller looks them up within the scopes, so another county's is 404);
 * anyone else may not open them at all (403).
 */
export default class OutbreakPolicy extends BasePolicy {
  async enter(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  /** Confirming or dismissing: while the alert's county is suspended its staff read it, its city decides (403). */
  async decide(actor: User, alert: OutbreakAlert) {
    return allowWithinScope(actor, SCOPED_ROLES, alert.countyCode, 'manage')
  }
}
