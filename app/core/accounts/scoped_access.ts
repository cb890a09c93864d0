import { AuthorizationResponse } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import { scopeTakesPart, suspendedRegionCodes } from '#core/regions/participation'
import type { RegionScope } from '#core/regions/region_scope'

/**
 * What a policy allows a person to do with a place-bound record: 'read' it (see its
 * page), or 'manage' it (change it, or open a form that does). The policy says which,
 * so the rule does not hang on the request's method.
 */
export type ScopeIntent = 'read' | 'manage'

/**
 * The cities and counties suspended today, read once per person per request: the
 * person's User is loaded for each request (its grants are cached on it the same way),
 * so a check of a list of records costs one read, and the next request reads afresh.
 */
const suspendedFor = new WeakMap<User, Promise<Set<string>>>()

function suspendedCodes(actor: User) {
  let codes = suspendedFor.get(actor)
  if (!codes) suspendedFor.set(actor, (codes = suspendedRegionCodes()))
  return codes
}

/**
 * For policies over place-bound records: allowed when one of the person's scopes for
 * these roles holds the record's county; otherwise the record does not exist for
 * them (404), so staff of 510104 learn nothing of 510105.
 *
 * To 'manage', one of those scopes must also take part (#core/regions/participation):
 * a suspended county's or city's staff keep reading its records but are refused (403)
 * what changes them, while its city's (or the province's) staff act for it. Reading
 * costs nothing more; managing reads the suspended regions once per request, and not
 * at all for a province scope.
 */
export async function allowWithinScope(actor: User, roles: readonly Role[], countyCode: string | null, intent: ScopeIntent) {
  const scopes = (await actor.scopesFor(...roles)).filter((scope) => scope.contains(countyCode))
  if (scopes.length === 0) return AuthorizationResponse.deny('Not found', 404)
  if (intent === 'read' || (await mayManageIn(actor, scopes))) return AuthorizationResponse.allow()
  return AuthorizationResponse.deny('Region suspended', 403).t('regions.participation.denied')
}

/** Whether any of these scopes may manage (its region, and its city, take part today). */
async function mayManageIn(actor: User, scopes: RegionScope[]) {
  if (scopes.some((scope) => scope.level === 'province')) return true
  const suspended = await suspendedCodes(actor)
  return scopes.some((scope) => scopeTakesPart(scope, suspended))
}
