import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { allowWithinScope, type ScopeIntent } from '#core/accounts/scoped_access'
import type { RegionScope } from '#core/regions/region_scope'
import type OperationCenter from '#modules/admin/models/operation_center'
import type { CenterLevel } from '#modules/admin/models/operation_center'
import { heldGrants, mayFill, mayRegister, mayReview } from '#modules/admin/centres/center_rights'

/**
 * 运管中心: staff and administrators see the centres of their scope and beneath it (a centre
 * beside or above them is 404); its own people fill its 六有 checklist, the level above
 * reviews it, administrators of the level above register centres (403 otherwise).
 */
export default class CentrePolicy extends BasePolicy {
  async enter(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  /** 'read' its page, or 'manage' (fill or review): a suspended region's people keep reading (#core/accounts/scoped_access). */
  view(actor: User, centre: OperationCenter, intent: ScopeIntent) {
    return allowWithinScope(actor, SCOPED_ROLES, centre.regionCode, intent)
  }

  /** A region outside the person's scopes does not exist for them (404); inside them, only the level above registers (403). */
  async register(actor: User, level: CenterLevel, region: RegionScope) {
    if (!(await actor.scopesFor(...SCOPED_ROLES)).some((scope) => scope.covers(region))) return AuthorizationResponse.deny('Not found', 404)
    return mayRegister(heldGrants(await actor.grants()), level, region) ? AuthorizationResponse.allow() : AuthorizationResponse.deny('Forbidden', 403)
  }

  async fill(actor: User, centre: OperationCenter) {
    return mayFill(heldGrants(await actor.grants()), centre)
  }

  async review(actor: User, centre: OperationCenter) {
    return mayReview(heldGrants(await actor.grants()), centre)
  }
}
