import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import type { RegionScope } from '#core/regions/region_scope'

/** Coverage: centre staff see their scope and what lies beneath (another county or city is 404); anyone else 403. */
export default class CoveragePolicy extends BasePolicy {
  async view(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  async viewRegion(actor: User, region: RegionScope) {
    const scopes = await actor.scopesFor(...SCOPED_ROLES)
    return scopes.some((scope) => scope.covers(region)) ? AuthorizationResponse.allow() : AuthorizationResponse.deny('Not found', 404)
  }
}
