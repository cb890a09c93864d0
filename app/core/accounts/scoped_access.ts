import { AuthorizationResponse } from '@adonisjs/bouncer'
import i18nManager from '@adonisjs/i18n/services/main'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import { scopeTakesPart, suspensionsInForce } from '#core/regions/participation'
import type { RegionScope } from '#core/regions/region_scope'

/** People whose current request only reads (GET, HEAD): marked by the bouncer of that request. */
const reading = new WeakSet<User>()

/** Marks the signed-in person of a reading request (initialize_bouncer_middleware does it for GET and HEAD). */
export function markReading(user: User) {
  reading.add(user)
}

/**
 * For policies over place-bound records: allowed when one of the person's scopes for
 * these roles holds the record's county; otherwise the record does not exist for
 * them (404), so staff of 510104 learn nothing of 510105.
 *
 * A suspended city or county (#core/regions/participation) keeps reading: a request
 * that changes something (any method but GET and HEAD) is refused (403) unless one of
 * the person's scopes holding the record still takes part — so the city's staff act
 * for a suspended county, and every module's policy gets the rule from here.
 */
export async function allowWithinScope(actor: User, roles: readonly Role[], countyCode: string | null) {
  const scopes = (await actor.scopesFor(...roles)).filter((scope) => scope.contains(countyCode))
  if (scopes.length === 0) return AuthorizationResponse.deny('Not found', 404)
  if (reading.has(actor)) return AuthorizationResponse.allow()
  return (await mayManageIn(scopes)) ? AuthorizationResponse.allow() : suspendedDenial()
}

/** Whether any of these scopes may manage (its region, and its city, take part today). */
async function mayManageIn(scopes: RegionScope[]) {
  if (scopes.some((scope) => scope.level === 'province')) return true
  const inForce = await suspensionsInForce()
  return inForce.size === 0 || scopes.some((scope) => scopeTakesPart(scope, inForce))
}

function suspendedDenial() {
  return AuthorizationResponse.deny(i18nManager.locale('zh-CN').t('regions.participation.denied'), 403)
}
