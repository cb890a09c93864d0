import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import type { RegionScope } from '#core/regions/region_scope'

/** 绩效: every centre sees (and computes again) the figures of its own region and beneath; beside it, nothing (404). */
export default class PerformancePolicy extends BasePolicy {
  async view(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  async viewRegion(actor: User, region: RegionScope) {
    return (await actor.scopesFor(...SCOPED_ROLES)).some((scope) => scope.covers(region)) ? AuthorizationResponse.allow() : AuthorizationResponse.deny('Not found', 404)
  }
}
