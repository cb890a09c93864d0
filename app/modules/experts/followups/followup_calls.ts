import { DateTime } from 'luxon'
import { RuleError } from '#core/http/rule_error'
import db from '@adonisjs/lucid/services/db'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'
import { audit } from '#core/audit/audit'
import { clock } from '#core/clock'
import Consultation from '#modules/experts/models/consultation'
import FollowupCall, { type ServiceCategory } from '#modules/experts/models/followup_call'
import { lockConsultation, recordEvent, recordTransition } from '#modules/experts/shared/transition'
import { publishAfterFollowup } from '#modules/experts/knowledge/publish_entry'

export const QUEUE_PAGE_SIZE = 20

/** Closed cases of the scopes waiting for their 回访, most urgent first; each row carries how many calls were tried ($extras). */
export function followupQueue(scopes: RegionScope[], page: number) {
  const query = Consultation.query()
    .where('state', 'closed')
    .select('experts_consultations.*')
    .select(db.raw('(SELECT count(*)::int FROM experts_followup_calls f WHERE f.consultation_id = experts_consultations.id) AS attempts'))
    .preload('reporter')
    .orderByRaw('followup_due_at ASC NULLS LAST, id ASC')
  return RegionScope.constrain(query, scopes).paginate(page, QUEUE_PAGE_SIZE)
}

export function isOverdue(consultation: Consultation, now = clock.now()) {
  return !!consultation.followupDueAt && consultation.followupDueAt.toMillis() < now.getTime()
}

export function callsOf(consultation: Consultation) {
  return FollowupCall.query().where('consultation_id', consultation.id).orderBy('id', 'desc')
}

export type PhoneOwner = 'reporter' | 'farmer'

/**
 * The full number of the reporter (or of the farmer an 信息员 reported for), written
 * to the audit log in the same transaction: no reveal without its record.
 */
export async function revealPhone(
  actor: User,
  actorRole: Role,
  consultation: Consultation,
  owner: PhoneOwner,
  ip: string | null
): Promise<string | null> {
  return db.transaction(async (trx) => {
    await consultation.load('reporter')
    const phone = owner === 'farmer' ? consultation.farmerPhone : consultation.reporter.phone
    if (!phone) return null
    await audit(trx, {
      actor,
      actorRole,
      action: 'experts.phone_reveal',
      subjectType: 'experts.consultation',
      subjectId: consultation.id,
      countyCode: consultation.countyCode,
      ip,
      changes: { revealed: { old: null, new: owner } },
    })
    return phone
  })
}

export interface CallInput {
  reached: boolean
  serviceValid?: boolean
  category?: ServiceCategory
  notes?: string | null
}

/**
 * Stores one call. Reached: the ruling is stored with it and the case becomes
 * 'followed_up'. Not reached: the attempt is stored, the case stays in the queue
 * with its deadline, and the next call can be tried.
 */
export async function recordFollowupCall(actor: User, actorRole: Role, consultationId: number, input: CallInput) {
  return db.transaction(async (trx) => {
    const consultation = await lockConsultation(trx, consultationId)
    if (!consultation || consultation.state !== 'closed') throw new RuleError('experts.followups.not_awaiting', 'reached')
    const now = DateTime.fromJSDate(clock.now())
    const call = await FollowupCall.create(
      {
        consultationId,
        callerId: actor.id,
        callerRole: actorRole,
        reached: input.reached,
        serviceValid: input.reached ? !!input.serviceValid : null,
        category: input.reached ? input.category! : null,
        notes: input.notes || null,
        createdAt: now,
      },
      { client: trx }
    )
    const event = { actor, actorRole }
    if (input.reached) {
      await recordTransition(trx, consultation, 'followed_up', {
        ...event,
        kind: 'followed_up',
        reason: `${input.serviceValid ? 'valid' : 'invalid'}:${input.category}`,
      })
      // 农技知识库: a valid ruling on a case whose reporter agreed makes it public.
      await publishAfterFollowup(trx, consultation, call)
    } else {
      await recordEvent(trx, consultation, { ...event, kind: 'followup_unreached', reason: input.notes || null })
    }
    return { consultation, call }
  })
}
