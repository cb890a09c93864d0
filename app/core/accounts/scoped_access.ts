import { AuthorizationResponse } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'

/**
 * For policies over place-bound records: allowed when one of the person's scopes for
 * these roles holds the record's county; otherwise the record does not exist for
 * them (404), so staff of 510104 learn nothing of 510105.
 */
export async function allowWithinScope(actor: User, roles: readonly Role[], countyCode: string | null) {
  const scopes = await actor.scopesFor(...roles)
  return scopes.some((scope) => scope.contains(countyCode)) ? AuthorizationResponse.allow() : AuthorizationResponse.deny('Not found', 404)
}
