import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'

/** Who changes the list, a breaker or a review, in which role and from where: all of it is audited. */
export interface Acting {
  actor: User
  actorRole: Role
  ip: string | null
}

/** The most senior of the roles the person acts in here (what the audit row records). */
export async function actingAs(actor: User, ip: string | null): Promise<Acting> {
  for (const role of ['platform_admin', 'center_admin', 'center_staff'] as const) {
    if (await actor.hasRole(role)) return { actor, actorRole: role, ip }
  }
  throw new Error('Only staff act on content safety')
}
