import { BasePolicy, AuthorizationResponse } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { ADMIN_ROLES, SCOPED_ROLES } from '#core/accounts/roles'
import { allowWithinScope } from '#core/accounts/scoped_access'
import type { RegionScope } from '#core/regions/region_scope'

const hidden = () => AuthorizationResponse.deny('Not found', 404)

/**
 * Content safety administration (DESIGN §6). The word list is platform-wide: platform
 * administrators only. Breakers: administrators inside their own scope. Reviews:
 * centre staff and administrators of the item's county; anything outside their scope
 * does not exist for them (404).
 */
export default class ModerationPolicy extends BasePolicy {
  async manageWords(actor: User) {
    return actor.hasRole('platform_admin')
  }

  async manageBreakers(actor: User) {
    return actor.hasRole(...ADMIN_ROLES)
  }

  async changeBreaker(actor: User, scope: RegionScope) {
    const scopes = await actor.scopesFor(...ADMIN_ROLES)
    return scopes.some((own) => own.covers(scope)) ? AuthorizationResponse.allow() : hidden()
  }

  async review(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  /** A decision manages: a suspended county's staff are refused it (403) while its city's decide. */
  async decide(actor: User, countyCode: string | null) {
    return allowWithinScope(actor, SCOPED_ROLES, countyCode, 'manage')
  }
}
