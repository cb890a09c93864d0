import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { AuditChanges } from '#core/audit/audit_entry'
import type { Acting } from '#core/accounts/acting'
import { RuleError } from '#core/http/rule_error'
import type User from '#core/accounts/models/user'
import type RoleGrant from '#core/accounts/models/role_grant'
import { isScopedRole, type Role } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'
import { audit } from '#core/audit/audit'
import { addRoleGrant } from '#core/accounts/role_grants'
import { signOutEverywhere } from '#core/accounts/sessions'

/** Where a grant applies: its own scope for staff roles, the holder's county for the rest. */
export function grantArea(role: Role, scope: string | null, holder: User): RegionScope | null {
  if (isScopedRole(role)) return scope ? RegionScope.fromPrefix(scope) : null
  return holder.countyCode ? RegionScope.fromRegionCode(holder.countyCode) : null
}

export async function grantRole(acting: Acting, holder: User, role: Role, area: RegionScope | null) {
  const scope = isScopedRole(role) ? area!.prefix : null
  return db.transaction(async (trx) => {
    const grant = await addRoleGrant(trx, { userId: holder.id, role, scope, grantedById: acting.actor.id })
    if (!grant) throw new RuleError('admin.role_grants.already_granted', 'role')
    await roleChanged(trx, acting, holder, 'role.grant', area, { role: { old: null, new: role }, scope: { old: null, new: scope } })
    return grant
  })
}

export async function revokeRole(acting: Acting, grant: RoleGrant, holder: User) {
  await db.transaction(async (trx) => {
    grant.useTransaction(trx)
    await grant.delete()
    const area = grantArea(grant.role, grant.scope, holder)
    await roleChanged(trx, acting, holder, 'role.revoke', area, { role: { old: grant.role, new: null }, scope: { old: grant.scope, new: null } })
  })
}

/**
 * What follows every change of someone's roles, in its transaction: the holder signs in
 * again under the new roles (pages and menus were decided by the old ones), and the
 * change is audited where it applies.
 */
async function roleChanged(
  trx: TransactionClientContract,
  { actor, actorRole, ip }: Acting,
  holder: User,
  action: 'role.grant' | 'role.revoke',
  area: RegionScope | null,
  changes: AuditChanges
) {
  await signOutEverywhere(trx, holder.id)
  await audit(trx, { actor, actorRole, action, subjectType: 'user', subjectId: holder.id, countyCode: area?.regionCode ?? null, ip, changes })
}
