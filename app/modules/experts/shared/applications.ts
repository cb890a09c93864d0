import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { LucidRow, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { Actor } from '#core/accounts/acting'
import { addRoleGrant } from '#core/accounts/role_grants'
import type { Role } from '#core/accounts/roles'
import { audit, changesOf } from '#core/audit/audit'
import { notify, type NotificationInput } from '#core/notifications/notification_service'
import type { ExpertStatus } from '#modules/experts/models/expert'

/*
 * Applications the county centre decides (an expert's profile, an 信息员's): pending
 * until verified, or rejected with a reason the applicant reads. One decision, one
 * transaction: the row locked, its state with who and when, the audit row, the
 * application's own consequences (a role, the directory), the applicant told.
 */

/** The decision was already taken (by someone else, or by a second click). */
export class NotPendingError extends Error {}

/** A row of an application table (experts_profiles, experts_officers): the review columns and whose it is. */
export interface Application extends LucidRow {
  id: number
  userId: number
  countyCode: string
  status: ExpertStatus
  rejectionReason: string | null
  reviewedById: number | null
  reviewedAt: DateTime | null
}

/** A kind of application: its model, and its name in the audit log ('expert' → expert.verify, expert.reject). */
export interface ApplicationKind<A extends Application> {
  model: { query(options: { client: TransactionClientContract }): ModelQueryBuilderContract<any, A> }
  subjectType: string
  auditName: string
}

export type Decision = { outcome: 'verified' } | { outcome: 'rejected'; reason: string }

/**
 * Verifies or rejects a pending application (NotPendingError otherwise). `consequences`
 * runs in the transaction once the state is saved and audited, does what this kind of
 * application does on a decision, and returns what the applicant is told.
 */
export async function decideApplication<A extends Application>(
  kind: ApplicationKind<A>,
  { actor, ip }: Actor,
  actorRole: string,
  id: number,
  decision: Decision,
  consequences: (trx: TransactionClientContract, application: A) => Promise<NotificationInput>
): Promise<A> {
  return db.transaction(async (trx) => {
    const application = await kind.model.query({ client: trx }).where('id', id).forUpdate().firstOrFail()
    if (application.status !== 'pending') throw new NotPendingError()
    application.useTransaction(trx)
    application.status = decision.outcome
    application.rejectionReason = decision.outcome === 'rejected' ? decision.reason : null
    application.reviewedById = actor.id
    application.reviewedAt = DateTime.now()
    const changes = changesOf(application, decision.outcome === 'rejected' ? ['status', 'rejectionReason'] : ['status'])
    await application.save()
    await audit(trx, {
      actor,
      actorRole,
      action: `${kind.auditName}.${decision.outcome === 'verified' ? 'verify' : 'reject'}`,
      subjectType: kind.subjectType,
      subjectId: application.id,
      countyCode: application.countyCode,
      ip,
      changes,
    })
    const notice = await consequences(trx, application)
    await notify(Number(application.userId), notice, { client: trx })
    return application
  })
}

/** The role a verification gives the applicant (once: a second one finds it held), audited as a grant. */
export async function grantApplicantRole(
  trx: TransactionClientContract,
  { actor, ip }: Actor,
  actorRole: string,
  application: Application,
  grant: { role: Role; scope: string | null }
) {
  if (!(await addRoleGrant(trx, { userId: application.userId, ...grant, grantedById: actor.id }))) return
  await audit(trx, {
    actor,
    actorRole,
    action: 'role.grant',
    subjectType: 'user',
    subjectId: application.userId,
    countyCode: application.countyCode,
    ip,
    changes: { role: { old: null, new: grant.role }, scope: { old: null, new: grant.scope } },
  })
}
