import db from '@adonisjs/lucid/services/db'
import type User from '#core/accounts/models/user'
import type { Acting } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { RuleError } from '#core/http/rule_error'
import { deactivateAccount, reactivateAccount } from '#core/accounts/deactivation'
import { signOutDevice } from '#core/accounts/devices'
import { signOutEverywhere } from '#core/accounts/sessions'

/*
 * What an administrator does to an account of their scope (the policy has said they may):
 * deactivate or reactivate it with a reason, end one of its sessions or all of them.
 * Every step is audited against the person's county.
 */

export async function deactivate(acting: Acting, target: User, reason: string) {
  if (target.deactivatedAt) throw new RuleError('admin.users.already_deactivated', 'reason')
  await deactivateAccount(acting, target, reason)
}

export async function reactivate(acting: Acting, target: User, reason: string) {
  if (!target.deactivatedAt) throw new RuleError('admin.users.not_deactivated', 'reason')
  await reactivateAccount(acting, target, reason)
}

/** Ends the session of this handle; false when the person has none by it. */
export async function endSession({ actor, actorRole, ip }: Acting, target: User, handle: string): Promise<boolean> {
  if (!(await signOutDevice(target, handle))) return false
  await db.transaction((trx) =>
    audit(trx, { actor, actorRole, action: 'account.session_end', subjectType: 'user', subjectId: target.id, countyCode: target.countyCode, ip, changes: { sessions: { old: handle, new: null } } })
  )
  return true
}

export async function endAllSessions({ actor, actorRole, ip }: Acting, target: User) {
  await db.transaction(async (trx) => {
    await signOutEverywhere(trx, target.id)
    await audit(trx, { actor, actorRole, action: 'account.session_end', subjectType: 'user', subjectId: target.id, countyCode: target.countyCode, ip, changes: { sessions: { old: 'all', new: null } } })
  })
}
