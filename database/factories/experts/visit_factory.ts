import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#core/accounts/models/user'
import { clock, today } from '#core/clock'
import type Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import Visit, { type VisitStatus } from '#modules/experts/models/visit'
import { lockConsultation, recordTransition } from '#modules/experts/shared/transition'
import { dispatchCandidates } from '#modules/experts/visits/visit_actions'
import { sameId } from '#modules/experts/shared/consultation_access'
import { UserFactory, withRole } from '#database/factories/core/user_factory'
import { ConsultationFactory } from '#database/factories/experts/consultation_factory'

/** How a visit went; every field has the default a test would not care about. */
export interface VisitStory {
  /** Who asked for it (default: the reporter). */
  requestedBy?: 'reporter' | 'expert'
  reason?: string
  /** The expert sent (default: the case's own); must be one the dispatch form offers. */
  expert?: Expert
  /** The county centre staff member who dispatches or cancels (default: new, of the case's county). */
  staff?: User
  /** YYYY-MM-DD in Beijing (default: tomorrow), and the place. */
  scheduledOn?: string
  place?: string
  outcome?: string
  travelCostFen?: number
  cancelReason?: string
}

type VisitPlan = VisitStory & { status?: VisitStatus; consultation?: Consultation }

const plans = new WeakMap<Visit, VisitPlan>()
function plan(visit: Visit, more: VisitPlan) {
  plans.set(visit, { ...plans.get(visit), ...more })
}

/** VisitFactory.apply('dispatched').tap(visitStory({ place: '红砂村' })).create() */
export function visitStory(told: VisitStory) {
  return (visit: Visit) => plan(visit, told)
}

/**
 * 上门服务 as the visit pages leave it: asked for on an answered case (which moves to
 * 'visit_requested'), then, by its states, dispatched by the county centre to the case's
 * expert ('visit_dispatched'), visited with an outcome and a travel cost ('visited'), or
 * cancelled (the case back to 'answering'). Give the case with merge({ consultationId });
 * without one an answered case of a farmer is made for it.
 */
export const VisitFactory = factory
  .define(Visit, () => ({
    reason: '照片看不清，需要专家到田里看看',
    requestedByRole: 'reporter' as const,
    status: 'requested' as VisitStatus,
    rescheduleCount: 0,
  }))
  .state('dispatched', (visit) => plan(visit, { status: 'dispatched' }))
  .state('visited', (visit) => plan(visit, { status: 'visited' }))
  .state('cancelled', (visit) => plan(visit, { status: 'cancelled' }))
  .before('create', async (_, visit, ctx) => {
    const told = plans.get(visit) ?? {}
    const target = told.status ?? visit.status
    const consultation =
      told.consultation ??
      (visit.consultationId
        ? (await lockConsultation(ctx.$trx!, visit.consultationId))!
        : await ConsultationFactory.useCtx(ctx).with('reporter', 1, (user) => user.apply('farmer')).apply('answering').create())
    if (consultation.state !== 'answering') throw new Error(`A visit is asked for on an answered case, not one in '${consultation.state}'`)
    const requestedBy = told.requestedBy ?? visit.requestedByRole
    const requester = requestedBy === 'expert' ? (await Expert.findOrFail(consultation.expertId!, { client: ctx.$trx })).userId : consultation.reporterId
    visit.merge({
      consultationId: consultation.id,
      countyCode: consultation.countyCode,
      requestedById: requester,
      requestedByRole: requestedBy,
      reason: told.reason ?? visit.reason,
      status: 'requested',
    })
    plan(visit, { status: target, consultation })
  })
  .after('create', async (_, visit, ctx) => {
    const told = plans.get(visit)!
    const trx = ctx.$trx!
    const consultation = told.consultation!
    await recordTransition(trx, consultation, 'visit_requested', {
      kind: 'visit_requested',
      actor: { id: visit.requestedById },
      actorRole: visit.requestedByRole,
      expertId: consultation.expertId,
      reason: visit.reason,
    })
    if (told.status === 'cancelled') return cancel(trx, consultation, visit, told)
    if (told.status === 'dispatched' || told.status === 'visited') await dispatch(trx, consultation, visit, told)
    if (told.status === 'visited') await visited(trx, consultation, visit, told)
  })
  .build()

/**
 * The visit part of a case's walk (ConsultationFactory): from 'answering' to the visit
 * state `status` leaves the case in, on the same case instance.
 */
export function visitTo(trx: TransactionClientContract, consultation: Consultation, status: 'requested' | 'dispatched' | 'visited', told: VisitStory = {}) {
  return VisitFactory.client(trx)
    .tap((visit) => plan(visit, { ...told, status, consultation }))
    .create()
}

function staffOf(trx: TransactionClientContract, consultation: Consultation, told: VisitStory) {
  if (told.staff) return told.staff
  return UserFactory.client(trx)
    .merge({ countyCode: consultation.countyCode })
    .with('roleGrants', 1, withRole('center_staff', consultation.countyCode))
    .create()
}

async function save(trx: TransactionClientContract, visit: Visit, changes: Partial<Visit>) {
  visit.useTransaction(trx)
  visit.merge(changes)
  await visit.save()
}

/** As the centre dispatches: an expert the dispatch form offers, a day and a place. */
async function dispatch(trx: TransactionClientContract, consultation: Consultation, visit: Visit, told: VisitStory) {
  const wanted = told.expert?.id ?? consultation.expertId
  const expert = (await dispatchCandidates(consultation, trx)).find((candidate) => sameId(candidate.id, wanted))
  if (!expert) throw new Error(`Expert ${wanted} is not among the experts the centre may send`)
  const staff = await staffOf(trx, consultation, told)
  const scheduledOn = told.scheduledOn ?? today().plus({ days: 1 }).toISODate()!
  const place = told.place ?? '锦江区三圣街道红砂村 3 组'
  await save(trx, visit, {
    status: 'dispatched',
    expertId: expert.id,
    scheduledOn: DateTime.fromISO(scheduledOn),
    place,
    dispatchedById: staff.id,
    dispatchedAt: DateTime.fromJSDate(clock.now()),
  })
  await recordTransition(trx, consultation, 'visit_dispatched', {
    kind: 'visit_dispatched',
    actor: staff,
    actorRole: 'staff',
    expertId: expert.id,
    reason: `${scheduledOn} ${place}`,
  })
}

/** As the visiting expert records it: the outcome and the travel cost in fen. */
async function visited(trx: TransactionClientContract, consultation: Consultation, visit: Visit, told: VisitStory) {
  const expert = await Expert.findOrFail(visit.expertId!, { client: trx })
  await save(trx, visit, {
    status: 'visited',
    outcome: told.outcome ?? '现场查看，指导用药，7 天后复查',
    travelCostFen: told.travelCostFen ?? 3550,
    visitedAt: DateTime.fromJSDate(clock.now()),
  })
  await recordTransition(trx, consultation, 'visited', { kind: 'visited', actor: { id: expert.userId }, actorRole: 'expert', expertId: expert.id })
}

/** As the centre calls it off: the case goes back to the conversation. */
async function cancel(trx: TransactionClientContract, consultation: Consultation, visit: Visit, told: VisitStory) {
  const staff = await staffOf(trx, consultation, told)
  const reason = told.cancelReason ?? '农户电话告知问题已解决'
  await save(trx, visit, { status: 'cancelled', cancelReason: reason, cancelledById: staff.id, cancelledAt: DateTime.fromJSDate(clock.now()) })
  await recordTransition(trx, consultation, 'answering', { kind: 'visit_cancelled', actor: staff, actorRole: 'staff', expertId: visit.expertId, reason })
}
