import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#core/clock'
import { appUrl } from '#config/app'
import User from '#core/accounts/models/user'
import { RegionScope } from '#core/regions/region_scope'
import { notify } from '#core/notifications/notification_service'
import { queueSms } from '#core/jobs/sms_delivery'
import { deleteMedia, storePhoto, type UploadedFile } from '#core/media/media_service'
import type Media from '#core/media/media'
import { fieldError } from '#core/http/field_error'
import type Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import Visit from '#modules/experts/models/visit'
import { lockConsultation, recordEvent, recordTransition, type EventInput } from '#modules/experts/shared/transition'
import { signCaseLink } from '#modules/experts/shared/case_links'
import { visitPaths } from '#modules/experts/visits/paths'
import { sameId } from '#modules/experts/shared/consultation_access'
import { RuleError } from '#core/http/rule_error'
import { narrowestStaffOf } from '#core/accounts/role_grants'


export interface VisitActor {
  id: number
  role: 'reporter' | 'expert' | 'staff'
}

export interface VisitPlan {
  expertId: number
  scheduledOn: string
  place: string
}

/** Outcome photos per visit, like the photos of a case. */
const MAX_OUTCOME_PHOTOS = 9
export const VISIT_MEDIA_SUBJECT = 'experts.visit'

const t = (key: string, data?: Record<string, unknown>) => i18nManager.locale('zh-CN').t(`experts.visits.${key}`, data)

/** The reporter or the case's expert asks the centre to send someone to the farm. */
export async function requestVisit(consultationId: number, actor: VisitActor, reason: string) {
  return db.transaction(async (trx) => {
    const consultation = await lockConsultation(trx, consultationId)
    if (!consultation || consultation.state !== 'answering') throw new RuleError('experts.visits.errors.not_answering')
    const visit = await Visit.create(
      {
        consultationId: consultation.id,
        countyCode: consultation.countyCode,
        requestedById: actor.id,
        requestedByRole: actor.role as Visit['requestedByRole'],
        reason,
        status: 'requested',
      },
      { client: trx }
    )
    await recordTransition(trx, consultation, 'visit_requested', {
      kind: 'visit_requested',
      actor,
      actorRole: actor.role,
      expertId: consultation.expertId,
      reason,
    })

    const notice = { kind: 'experts.visit_requested', title: t('notify.requested', { id: consultation.id }), body: reason }
    if (actor.role === 'reporter') await notifyExpert(trx, consultation.expertId, consultation, notice)
    else await notifyReporter(trx, consultation, notice)
    for (const staffId of await centreStaffIds(trx, consultation.countyCode)) {
      await notify(staffId, { ...notice, link: visitPaths.staffVisit(visit.id) }, { client: trx })
    }
    return visit
  })
}

/**
 * Experts the centre may send: the case's own expert first, then verified experts of the
 * case's industry in its city. The dispatch form lists exactly these, and only these pass.
 */
export async function dispatchCandidates(consultation: Consultation, client?: TransactionClientContract) {
  const city = RegionScope.fromRegionCode(consultation.countyCode).city
  return Expert.query({ client })
    .where('status', 'verified')
    .where((inner) => {
      inner.where((nearby) => RegionScope.constrain(nearby, [city]).whereRaw('industries @> ARRAY[?]::text[]', [consultation.industryCode]))
      if (consultation.expertId) inner.orWhere('id', consultation.expertId)
    })
    .preload('user')
    .orderByRaw('id = ? DESC, open_cases, id', [consultation.expertId ?? 0])
    .limit(50)
}

/** County centre staff send an expert on a day to a place; the expert is texted. */
export async function dispatchVisit(visit: Visit, staff: VisitActor, plan: VisitPlan) {
  const dispatched = await db.transaction(async (trx) => {
    const { consultation, locked } = await lockVisit(trx, visit)
    if (locked.status !== 'requested' || consultation.state !== 'visit_requested') throw new RuleError('experts.visits.errors.not_requested')
    const expert = (await dispatchCandidates(consultation, trx)).find((candidate) => sameId(candidate.id, plan.expertId))
    if (!expert) throw fieldError('expert_id', t('errors.expert_unavailable'))

    const now = DateTime.fromJSDate(clock.now())
    await saveVisit(trx, locked, {
      status: 'dispatched',
      expertId: expert.id,
      scheduledOn: DateTime.fromISO(plan.scheduledOn),
      place: plan.place,
      dispatchedById: staff.id,
      dispatchedAt: now,
    })
    await recordTransition(trx, consultation, 'visit_dispatched', byStaff(staff, 'visit_dispatched', expert.id, `${plan.scheduledOn} ${plan.place}`))
    const details = { date: plan.scheduledOn, place: plan.place, id: consultation.id }
    await notifyExpert(trx, expert.id, consultation, { kind: 'experts.visit_dispatched', title: t('notify.dispatched_expert', details) })
    await notifyReporter(trx, consultation, { kind: 'experts.visit_dispatched', title: t('notify.dispatched_reporter', details) })
    return { consultation, expert }
  })
  // After the commit: the SMS announces a dispatch that surely exists.
  await textExpert(dispatched.expert, dispatched.consultation, 'expert_visit_dispatched', plan)
}

/** A dispatched visit moves to another day or place; the reason goes into the case history. */
export async function rescheduleVisit(visit: Visit, staff: VisitActor, plan: Omit<VisitPlan, 'expertId'> & { reason: string }) {
  const rescheduled = await db.transaction(async (trx) => {
    const { consultation, locked } = await lockVisit(trx, visit)
    if (locked.status !== 'dispatched') throw new RuleError('experts.visits.errors.not_dispatched')
    await saveVisit(trx, locked, {
      scheduledOn: DateTime.fromISO(plan.scheduledOn),
      place: plan.place,
      rescheduleReason: plan.reason,
      rescheduleCount: locked.rescheduleCount + 1,
    })
    await recordEvent(trx, consultation, byStaff(staff, 'visit_rescheduled', locked.expertId, plan.reason))
    const details = { date: plan.scheduledOn, place: plan.place, id: consultation.id, reason: plan.reason }
    const notice = { kind: 'experts.visit_rescheduled', title: t('notify.rescheduled', details), body: plan.reason }
    await notifyExpert(trx, locked.expertId, consultation, notice)
    await notifyReporter(trx, consultation, notice)
    return { consultation, locked }
  })
  const expert = await Expert.query().where('id', rescheduled.locked.expertId!).preload('user').firstOrFail()
  await textExpert(expert, rescheduled.consultation, 'expert_visit_rescheduled', plan)
}

/**
 * The visiting expert records what was done and the travel cost (in fen). Photos are
 * stored first and removed again if the outcome cannot be recorded, so a refused
 * outcome leaves nothing behind.
 */
export async function recordVisitOutcome(
  visit: Visit,
  actor: VisitActor,
  input: { outcome: string; travelCostFen: number; photos: UploadedFile[] }
) {
  if (input.photos.length > MAX_OUTCOME_PHOTOS) {
    throw fieldError('photos', t('errors.too_many_photos', { max: MAX_OUTCOME_PHOTOS }))
  }
  const stored: Media[] = []
  try {
    for (const photo of input.photos) {
      stored.push(
        await storePhoto(photo, {
          owner: actor,
          visibility: 'private',
          countyCode: visit.countyCode,
          subject: { type: VISIT_MEDIA_SUBJECT, id: visit.id },
        })
      )
    }
    return await db.transaction(async (trx) => {
      const { consultation, locked } = await lockVisit(trx, visit)
      if (locked.status !== 'dispatched' || consultation.state !== 'visit_dispatched') throw new RuleError('experts.visits.errors.not_dispatched')
      const now = DateTime.fromJSDate(clock.now())
      await saveVisit(trx, locked, { status: 'visited', outcome: input.outcome, travelCostFen: input.travelCostFen, visitedAt: now })
      if (stored.length) {
        await trx
          .table('experts_visit_media')
          .insert(stored.map((media, position) => ({ visit_id: locked.id, media_id: media.id, position })))
      }
      await recordTransition(trx, consultation, 'visited', {
        kind: 'visited',
        actor,
        actorRole: 'expert',
        expertId: locked.expertId,
      })
      const notice = { kind: 'experts.visited', title: t('notify.visited', { id: consultation.id }), body: input.outcome.slice(0, 200) }
      await notifyReporter(trx, consultation, notice)
      if (locked.dispatchedById) {
        await notify(
          locked.dispatchedById,
          { kind: 'experts.visit_cost', title: t('notify.cost_to_confirm', { id: consultation.id }), link: visitPaths.staffVisit(locked.id) },
          { client: trx }
        )
      }
      return locked
    })
  } catch (error) {
    for (const media of stored) await deleteMedia(media).catch(() => {})
    throw error
  }
}

/** The centre accepts the travel cost the expert recorded (the basis of later subsidies). */
export async function confirmVisitCost(visit: Visit, staff: VisitActor) {
  return db.transaction(async (trx) => {
    const { consultation, locked } = await lockVisit(trx, visit)
    if (locked.status !== 'visited' || locked.costConfirmedAt) throw new RuleError('experts.visits.errors.not_confirmable')
    await saveVisit(trx, locked, { costConfirmedById: staff.id, costConfirmedAt: DateTime.fromJSDate(clock.now()) })
    // The amount confirmed (fen) goes into the history: a later correction would show.
    await recordEvent(trx, consultation, byStaff(staff, 'visit_cost_confirmed', locked.expertId, String(locked.travelCostFen)))
    await notifyExpert(trx, locked.expertId, consultation, {
      kind: 'experts.visit_cost_confirmed',
      title: t('notify.cost_confirmed', { id: consultation.id }),
    })
    return locked
  })
}

/** The centre calls a visit off; the case goes back to the conversation. */
export async function cancelVisit(visit: Visit, staff: VisitActor, reason: string) {
  return db.transaction(async (trx) => {
    const { consultation, locked } = await lockVisit(trx, visit)
    if (!locked.isLive || !['visit_requested', 'visit_dispatched'].includes(consultation.state)) {
      throw new RuleError('experts.visits.errors.not_cancellable')
    }
    await saveVisit(trx, locked, { status: 'cancelled', cancelReason: reason, cancelledById: staff.id, cancelledAt: DateTime.fromJSDate(clock.now()) })
    await recordTransition(trx, consultation, 'answering', byStaff(staff, 'visit_cancelled', locked.expertId, reason))
    const notice = { kind: 'experts.visit_cancelled', title: t('notify.cancelled', { id: consultation.id }), body: reason }
    await notifyReporter(trx, consultation, notice)
    await notifyExpert(trx, consultation.expertId, consultation, notice)
    if (locked.expertId && !sameId(locked.expertId, consultation.expertId)) await notifyExpert(trx, locked.expertId, consultation, notice)
    return locked
  })
}

async function saveVisit(trx: TransactionClientContract, visit: Visit, changes: Partial<Visit>) {
  visit.useTransaction(trx)
  visit.merge(changes)
  await visit.save()
}

function byStaff(staff: VisitActor, kind: string, expertId: number | null, reason: string | null): EventInput {
  return { kind, actor: staff, actorRole: 'staff', expertId, reason }
}

/** Locks the case, then the visit (always in this order, so two actors never deadlock). */
async function lockVisit(trx: TransactionClientContract, visit: Visit) {
  const consultation = await lockConsultation(trx, visit.consultationId)
  const locked = await Visit.query({ client: trx }).where('id', visit.id).forUpdate().firstOrFail()
  return { consultation: consultation!, locked }
}

/** County centre staff of the case's county, or of its city when the county has none. */
function centreStaffIds(trx: TransactionClientContract, countyCode: string): Promise<number[]> {
  return narrowestStaffOf(countyCode, ['center_staff'], { upTo: 'city', client: trx })
}

type Notice = { kind: string; title: string; body?: string | null }

async function notifyReporter(trx: TransactionClientContract, consultation: Consultation, notice: Notice) {
  await notify(consultation.reporterId, { ...notice, link: visitPaths.reporterCase(consultation) }, { client: trx })
}

/** Tells an expert in the site; the link opens the case's visits on their side. */
export async function notifyExpert(trx: TransactionClientContract, expertId: number | null, consultation: Consultation, notice: Notice) {
  if (!expertId) return
  const expert = await Expert.query({ client: trx }).where('id', expertId).first()
  if (!expert) return
  await notify(expert.userId, { ...notice, link: visitPaths.visits(consultation, 'expert') }, { client: trx })
}

/** Experts mostly work from SMS: the text carries a signed link to the visit page. */
async function textExpert(
  expert: Expert,
  consultation: Consultation,
  template: 'expert_visit_dispatched' | 'expert_visit_rescheduled',
  plan: { scheduledOn: string; place: string }
) {
  const user = expert.user ?? (await User.findOrFail(expert.userId))
  const link = visitPaths.visits(consultation, 'expert_link', signCaseLink(Number(consultation.id), 'expert', Number(expert.id)))
  await queueSms(user.phone, template, { date: plan.scheduledOn, place: plan.place.slice(0, 20), link: `${appUrl}${link}` })
}
