import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type { RegionScope } from '#core/regions/region_scope'
import { STATISTICS_ROLES } from '#modules/experts/shared/staff'

/** Statistics and exports: staff of a scope see that scope and what lies beneath, nothing beside it. */
export default class StatisticsPolicy extends BasePolicy {
  async view(actor: User) {
    return actor.hasRole(...STATISTICS_ROLES)
  }

  async viewRegion(actor: User, region: RegionScope) {
    const scopes = await actor.scopesFor(...STATISTICS_ROLES)
    return scopes.some((scope) => scope.covers(region)) ? AuthorizationResponse.allow() : AuthorizationResponse.deny('Not found', 404)
  }
}
