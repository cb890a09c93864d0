import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { allowWithinScope } from '#core/accounts/scoped_access'
import { ADMIN_ROLES, SCOPED_ROLES } from '#core/accounts/roles'
import type { RegionScope } from '#core/regions/region_scope'

const notFound = () => AuthorizationResponse.deny('Not found', 404)

/** The person's centre scopes (any staff role) holding the county. */
async function scopesHolding(actor: User, countyCode: string, roles = SCOPED_ROLES) {
  return (await actor.scopesFor(...roles)).filter((scope) => scope.contains(countyCode))
}

/**
 * 补贴: every centre sees its own region's lists (404 beside it); the county centre
 * proposes and adjusts its list; only a centre above the county (its city, the
 * province) approves it — a county centre never approves its own; the province sets
 * the rules; only administrators reveal full 身份证 and card numbers.
 */
export default class SubsidyPolicy extends BasePolicy {
  async view(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  async viewRegion(actor: User, region: RegionScope) {
    return (await actor.scopesFor(...SCOPED_ROLES)).some((scope) => scope.covers(region)) ? AuthorizationResponse.allow() : notFound()
  }

  async viewCounty(actor: User, countyCode: string) {
    return (await scopesHolding(actor, countyCode)).length ? AuthorizationResponse.allow() : notFound()
  }

  /** The county centre of that county (while the county takes part: #core/regions/participation). */
  async prepare(actor: User, countyCode: string) {
    const managing = await allowWithinScope(actor, SCOPED_ROLES, countyCode, 'manage')
    if (!managing.authorized) return managing
    return (await scopesHolding(actor, countyCode)).some((scope) => scope.level === 'county') ? AuthorizationResponse.allow() : deny('admin.subsidies.errors.county_only')
  }

  /** A centre above the county: the city's or the province's. */
  async approve(actor: User, countyCode: string) {
    const managing = await allowWithinScope(actor, SCOPED_ROLES, countyCode, 'manage')
    if (!managing.authorized) return managing
    return (await scopesHolding(actor, countyCode)).some((scope) => scope.level !== 'county') ? AuthorizationResponse.allow() : deny('admin.subsidies.errors.own_level')
  }

  async manageRules(actor: User) {
    return (await actor.scopesFor(...ADMIN_ROLES)).some((scope) => scope.level === 'province')
  }

  /** Entering payment data: any centre holding the person's county. */
  async editPayee(actor: User, countyCode: string) {
    return allowWithinScope(actor, SCOPED_ROLES, countyCode, 'manage')
  }

  /** Full numbers: administrators of a centre holding the county (staff see them masked). */
  async reveal(actor: User, countyCode: string) {
    if (!(await scopesHolding(actor, countyCode)).length) return notFound()
    return (await scopesHolding(actor, countyCode, ADMIN_ROLES)).length ? AuthorizationResponse.allow() : deny('admin.subsidies.errors.reveal_denied')
  }
}

/** A 403 whose page says why, in the reader's language. */
function deny(key: string) {
  return AuthorizationResponse.deny(key, 403).t(key)
}
