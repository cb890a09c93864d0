import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import type { RegionScope } from '#core/regions/region_scope'

/** 大数据展示: everyone of a centre sees their scope and what lies beneath, nothing beside it (404). */
export default class DashboardPolicy extends BasePolicy {
  async view(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  async viewRegion(actor: User, region: RegionScope) {
    const scopes = await actor.scopesFor(...SCOPED_ROLES)
    return scopes.some((scope) => scope.covers(region)) ? AuthorizationResponse.allow() : AuthorizationResponse.deny('Not found', 404)
  }
}
