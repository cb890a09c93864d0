import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Actor } from '#core/accounts/acting'
import { addRoleGrant } from '#core/accounts/role_grants'
import { audit, changesOf } from '#core/audit/audit'
import { RuleError } from '#core/http/rule_error'
import { notify } from '#core/notifications/notification_service'
import { findVillage, isCurrentVillageOf } from '#core/regions/villages'
import { AlreadyAppliedError, NotPendingError } from '#modules/experts/profiles/profile_actions'
import Officer, { type OfficerGroup } from '#modules/experts/officers/officer'
import { forgetKeptCoverage } from '#modules/experts/officers/officer_coverage'

/** Subject type of officer applications in the audit log. */
export const OFFICER_SUBJECT = 'experts.officer'

export interface OfficerInput {
  countyCode: string
  villageCode: string
  group: OfficerGroup
  groupOther: string | null
  organization: string
  statement: string
}

/**
 * A signed-in person applies once, for a current village of their own county; the
 * application waits for that county's centre (as an expert's does). A rejected one
 * may apply again: the same row goes back to pending with the new answers.
 */
export async function applyAsOfficer({ actor, ip }: Actor, input: OfficerInput) {
  if (!actor.countyCode || input.countyCode !== actor.countyCode) throw new RuleError('experts.officers.errors.own_county', 'village_code')
  return db.transaction(async (trx) => {
    if (!(await isCurrentVillageOf(input.villageCode, input.countyCode, trx))) throw new RuleError('experts.officers.errors.village', 'village_code')
    const existing = await Officer.query({ client: trx }).where('user_id', actor.id).forUpdate().first()
    if (existing && existing.status !== 'rejected') throw new AlreadyAppliedError()
    const officer = existing ?? new Officer()
    officer.useTransaction(trx)
    officer.merge({ ...input, userId: actor.id, status: 'pending', rejectionReason: null, reviewedById: null, reviewedAt: null })
    await officer.save()
    await audit(trx, { actor, action: 'officer.apply', subjectType: OFFICER_SUBJECT, subjectId: officer.id, countyCode: officer.countyCode, ip })
    return officer
  })
}

/** The county centre verifies: the person holds info_officer for the county, is told so, and their village goes on their reports. */
export async function verifyOfficer({ actor, ip }: Actor, actorRole: string, officerId: number) {
  return db.transaction(async (trx) => {
    const officer = await lockPending(trx, officerId)
    officer.merge({ status: 'verified', rejectionReason: null, reviewedById: actor.id, reviewedAt: DateTime.now() })
    const changes = changesOf(officer, ['status'])
    await officer.save()
    await forgetKeptCoverage(trx)
    await audit(trx, { actor, actorRole, action: 'officer.verify', subjectType: OFFICER_SUBJECT, subjectId: officer.id, countyCode: officer.countyCode, ip, changes })
    if (await addRoleGrant(trx, { userId: officer.userId, role: 'info_officer', scope: officer.countyCode, grantedById: actor.id })) {
      await audit(trx, {
        actor,
        actorRole,
        action: 'role.grant',
        subjectType: 'user',
        subjectId: officer.userId,
        countyCode: officer.countyCode,
        ip,
        changes: { role: { old: null, new: 'info_officer' }, scope: { old: null, new: officer.countyCode } },
      })
    }
    const village = await findVillage(officer.villageCode, trx)
    await notify(
      Number(officer.userId),
      { kind: 'experts.officer_verified', title: zh('notice.verified_title'), body: zh('notice.verified_body', { village: village?.name ?? '' }), link: '/officers/me' },
      { client: trx }
    )
    return officer
  })
}

/** The county centre rejects with a reason the applicant reads. */
export async function rejectOfficer({ actor, ip }: Actor, actorRole: string, officerId: number, reason: string) {
  return db.transaction(async (trx) => {
    const officer = await lockPending(trx, officerId)
    officer.merge({ status: 'rejected', rejectionReason: reason, reviewedById: actor.id, reviewedAt: DateTime.now() })
    const changes = changesOf(officer, ['status', 'rejectionReason'])
    await officer.save()
    await audit(trx, { actor, actorRole, action: 'officer.reject', subjectType: OFFICER_SUBJECT, subjectId: officer.id, countyCode: officer.countyCode, ip, changes })
    await notify(Number(officer.userId), { kind: 'experts.officer_rejected', title: zh('notice.rejected_title'), body: reason, link: '/officers/me' }, { client: trx })
    return officer
  })
}

/**
 * The village a case reported now goes on (a verified officer's, else none), and the
 * officer counted active from today: called where a case is stored, in its transaction.
 */
export async function reportingVillage(trx: TransactionClientContract, reporterId: number): Promise<string | null> {
  const rows = await trx
    .from('experts_officers')
    .where('user_id', reporterId)
    .where('status', 'verified')
    .update({ last_reported_at: new Date() })
    .returning('village_code')
  return rows[0]?.village_code ?? null
}

const zh = (key: string, data?: Record<string, string>) => i18nManager.locale('zh-CN').t(`experts.officers.${key}`, data)

async function lockPending(trx: TransactionClientContract, officerId: number) {
  const officer = await Officer.query({ client: trx }).where('id', officerId).forUpdate().firstOrFail()
  if (officer.status !== 'pending') throw new NotPendingError()
  return officer
}
