import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { ADMIN_ROLES, SCOPED_ROLES } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'

const NOT_FOUND = () => AuthorizationResponse.deny('Not found', 404)

/**
 * 考核: the ranking of a city's county centres is seen by the city's and the province's
 * people, and by a county's people only for their own row; another city is 404. The city
 * (or the province) computes the scores and sets its counties' targets; administrators of
 * a city or the province publish a 通报.
 */
export default class EvaluationPolicy extends BasePolicy {
  async enter(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  async city(actor: User, city: RegionScope) {
    const scopes = await actor.scopesFor(...SCOPED_ROLES)
    return scopes.some((scope) => scope.covers(city) || city.covers(scope)) ? AuthorizationResponse.allow() : NOT_FOUND()
  }

  async compute(actor: User, city: RegionScope) {
    return (await actor.scopesFor(...SCOPED_ROLES)).some((scope) => scope.covers(city))
  }

  async setTarget(actor: User, countyCode: string) {
    const county = RegionScope.fromRegionCode(countyCode)
    const scopes = await actor.scopesFor(...SCOPED_ROLES)
    if (!scopes.some((scope) => scope.contains(countyCode))) return NOT_FOUND()
    const admins = await actor.scopesFor(...ADMIN_ROLES)
    return admins.some((scope) => scope.covers(county) && scope.prefix.length < county.prefix.length)
  }

  async publish(actor: User, region: RegionScope) {
    if (region.level === 'county') return false
    const scopes = await actor.scopesFor(...SCOPED_ROLES)
    if (!scopes.some((scope) => scope.covers(region) || region.covers(scope))) return NOT_FOUND()
    return (await actor.scopesFor(...ADMIN_ROLES)).some((scope) => scope.covers(region))
  }
}
