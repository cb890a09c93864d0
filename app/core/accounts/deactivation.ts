import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type User from '#core/accounts/models/user'
import type { Acting } from '#core/accounts/acting'
import { audit, registerAuditActions } from '#core/audit/audit'
import { signOutEverywhere } from '#core/accounts/sessions'

/*
 * 停用账号: an administrator deactivates an account, with a reason. From then on the person
 * cannot sign in, whichever way (password, SMS code, WeChat, passkey), and every session
 * they had ends at once; reactivating gives the account back. Both are audited.
 * Who may do it to whom is the admin module's policy; this is the account's side of it.
 */

registerAuditActions({
  'account.deactivate': 'audit.actions.account_deactivate',
  'account.reactivate': 'audit.actions.account_reactivate',
  // An administrator ended one or all of someone's sessions (the admin module's 用户管理).
  'account.session_end': 'audit.actions.account_session_end',
})

/** A deactivated account tried to sign in. */
export class AccountDeactivated extends Error {
  constructor() {
    super('Account deactivated')
  }
}

/** Signs the person in on this request, unless their account is deactivated. */
export async function signIn({ auth }: HttpContext, user: User) {
  if (user.deactivatedAt) throw new AccountDeactivated()
  await auth.use('web').login(user)
}

export async function deactivateAccount({ actor, actorRole, ip }: Acting, user: User, reason: string) {
  await db.transaction(async (trx) => {
    user.useTransaction(trx)
    user.merge({ deactivatedAt: DateTime.now(), deactivationReason: reason })
    await user.save()
    await signOutEverywhere(trx, user.id)
    await audit(trx, { actor, actorRole, action: 'account.deactivate', subjectType: 'user', subjectId: user.id, countyCode: user.countyCode, ip, changes: { reason: { old: null, new: reason } } })
  })
}

export async function reactivateAccount({ actor, actorRole, ip }: Acting, user: User, reason: string) {
  await db.transaction(async (trx) => {
    const before = user.deactivationReason
    user.useTransaction(trx)
    user.merge({ deactivatedAt: null, deactivationReason: null })
    await user.save()
    await audit(trx, { actor, actorRole, action: 'account.reactivate', subjectType: 'user', subjectId: user.id, countyCode: user.countyCode, ip, changes: { reason: { old: before, new: reason } } })
  })
}
