import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Actor } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { RuleError } from '#core/http/rule_error'
import { findVillage, isCurrentVillageOf } from '#core/regions/villages'
import { AlreadyAppliedError } from '#modules/experts/profiles/profile_actions'
import { decideApplication, grantApplicantRole, type ApplicationKind } from '#modules/experts/shared/applications'
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

const OFFICER_APPLICATIONS: ApplicationKind<Officer> = { model: Officer, subjectType: OFFICER_SUBJECT, auditName: 'officer' }

/** The county centre verifies: the person holds info_officer, is told so, and their village goes on their reports. */
export async function verifyOfficer(acting: Actor, actorRole: string, officerId: number) {
  return decideApplication(OFFICER_APPLICATIONS, acting, actorRole, officerId, { outcome: 'verified' }, async (trx, officer) => {
    await forgetKeptCoverage(trx)
    // Not a centre role: no scope (as the roles page grants it); the officer's county is their own.
    await grantApplicantRole(trx, acting, actorRole, officer, { role: 'info_officer', scope: null })
    const village = await findVillage(officer.villageCode, trx)
    return { kind: 'experts.officer_verified', title: zh('notice.verified_title'), body: zh('notice.verified_body', { village: village?.name ?? '' }), link: '/officers/me' }
  })
}

/** The county centre rejects with a reason the applicant reads. */
export async function rejectOfficer(acting: Actor, actorRole: string, officerId: number, reason: string) {
  return decideApplication(OFFICER_APPLICATIONS, acting, actorRole, officerId, { outcome: 'rejected', reason }, async () => ({
    kind: 'experts.officer_rejected',
    title: zh('notice.rejected_title'),
    body: reason,
    link: '/officers/me',
  }))
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
