import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import { clock } from '#core/clock'
import { screen } from '#core/moderation/moderation'
import { RegionScope } from '#core/regions/region_scope'
import Consultation from '#modules/experts/models/consultation'
import ConsultationEvent from '#modules/experts/models/consultation_event'
import Expert from '#modules/experts/models/expert'
import FollowupCall, { type ServiceCategory } from '#modules/experts/models/followup_call'
import {
  FOLLOWUP_WINDOW_MS,
  RESPONSE_WINDOW_MS,
  TRIAGE_WINDOW_MS,
  type ConsultationState,
  type TriageLevel,
} from '#modules/experts/shared/consultation_states'
import { lockConsultation, recordEvent, recordTransition } from '#modules/experts/shared/transition'
import { holdConsultation } from '#modules/experts/consultations/consultation_moderation'
import { postMessage } from '#modules/experts/conversation/post_message'
import { availabilityOf } from '#modules/experts/profiles/profile_queries'
import { releasePlace } from '#modules/experts/triage/assign_expert'
import { UserFactory, withRole } from '#database/factories/core/user_factory'
import { ExpertFactory } from '#database/factories/experts/expert_factory'
import { visitTo, type VisitStory } from '#database/factories/experts/visit_factory'
import { triageLevelFor } from '#core/regions/participation'

/**
 * How a case went through the loop (DESIGN §4), for the states past 'submitted'. Times
 * are offsets, so a story can be told weeks back (the statistics) or just now (the
 * pages); every deadline follows from them as the app sets it.
 */
export interface CaseStory {
  /** When it was submitted (default: now on the platform clock, or the case's own time when it exists). */
  submittedAt?: DateTime
  /** The role the reporter submitted in (default: info_officer when reporting for a farmer, else farmer). */
  reporterRole?: Role
  /** A public solved case that resolved it ('resolved_by_similar'). */
  similarDocumentId?: number | null
  /** Who is assigned (default: a new verified expert of the case's county and industry). */
  expert?: Expert
  /** Minutes from submission to the assignment (default 0). */
  assignAfter?: number
  /**
   * Experts whose 3-hour response deadline passed: their response_missed events are
   * written, but the sweep's reassignment is not played — the case stays with `expert`.
   */
  missedBy?: Expert[]
  /** Minutes from the assignment to the first answer (default 0). */
  respondAfter?: number
  /** The expert's answer, posted as the answer page posts it (screened, announced); none by default. */
  answer?: string
  /** The visit, for the visit states and 'visited' (and, given, on the way to 'closed'). */
  visit?: VisitStory
  /** Days from submission to closing (default: when answered). */
  closeAfter?: number
  /** Closed by the silence sweep (no rating), not by the reporter. */
  autoClosed?: boolean
  /** 1–5, what the reporter gave on closing (default 5; the form requires one). */
  rating?: number
  ratingComment?: string | null
  /** Days from closing to the reached 回访 call (default 0). */
  followAfter?: number
  /** The call's ruling (default: valid, 病虫害诊断) and the centre staff member who phoned (default: new, of the county). */
  valid?: boolean
  category?: ServiceCategory
  caller?: User
}

type Plan = CaseStory & { state?: ConsultationState; heldFor?: string[] }

/** Stories given to a builder (tap(story(…))) or by its states, read once the row exists. */
const plans = new WeakMap<Consultation, Plan>()
function plan(consultation: Consultation, more: Plan) {
  plans.set(consultation, { ...plans.get(consultation), ...more })
}

/** ConsultationFactory.apply('closed').tap(story({ closeAfter: 2, rating: 4 })).create() */
export function story(told: CaseStory) {
  return (consultation: Consultation) => plan(consultation, told)
}

/**
 * 需求: a farmer's problem as 报需求 stores it — screened (a blocked text is refused, a
 * held one waits for review), 1-hour triage deadline, the 'submitted' event — and then,
 * for a state past 'submitted' (a state of this factory, named after the loop's states,
 * or `merge({ state })`), walked there step by step through recordTransition, each
 * step writing the event, fields and deadlines the app's own step writes (triage
 * entered, the expert's place taken and given back, answered, the visit, closed,
 * followed up). The reporter comes with `with('reporter')` (or `merge({ reporterId })`):
 *
 *   ConsultationFactory.with('reporter', 1, (user) => user.apply('farmer')).apply('answering').create()
 *   ConsultationFactory.merge({ reporterId }).apply('followed_up').tap(story({ submittedAt, expert, assignAfter: 30, closeAfter: 1 })).create()
 */
export const ConsultationFactory = factory
  .define(Consultation, () => ({
    industryCode: 'grain_oil',
    countyCode: '510104',
    text: '水稻叶片出现褐色梭形病斑，中间灰白色，穗颈发黑，怎么防治？',
    state: 'submitted' as ConsultationState,
    moderation: 'pass' as const,
    farmerName: null,
    farmerPhone: null,
    addressedExpertId: null,
    expertId: null,
    triageLevel: null,
    idempotencyKey: randomBytes(16).toString('base64url'),
  }))
  .relation('reporter', () => UserFactory)
  .relation('expert', () => ExpertFactory)
  /** Held for review with a clean text, as while a tripped breaker covers the county. */
  .state('held', (consultation) => {
    consultation.moderation = 'held'
  })
  // The loop's states, each reached the way the app reaches it.
  .state('submitted', (consultation) => plan(consultation, { state: 'submitted' }))
  .state('resolved_by_similar', (consultation) => plan(consultation, { state: 'resolved_by_similar' }))
  .state('awaiting_triage', (consultation) => plan(consultation, { state: 'awaiting_triage' }))
  .state('assigned', (consultation) => plan(consultation, { state: 'assigned' }))
  .state('answering', (consultation) => plan(consultation, { state: 'answering' }))
  .state('visit_requested', (consultation) => plan(consultation, { state: 'visit_requested' }))
  .state('visit_dispatched', (consultation) => plan(consultation, { state: 'visit_dispatched' }))
  .state('visited', (consultation) => plan(consultation, { state: 'visited' }))
  .state('closed', (consultation) => plan(consultation, { state: 'closed' }))
  .state('followed_up', (consultation) => plan(consultation, { state: 'followed_up' }))
  .before('create', async (_, consultation, ctx) => {
    const target = plans.get(consultation)?.state ?? consultation.state
    plan(consultation, { state: target })
    consultation.state = 'submitted'
    const submittedAt = plans.get(consultation)?.submittedAt ?? consultation.createdAt ?? DateTime.fromJSDate(clock.now())
    consultation.merge({ createdAt: submittedAt, updatedAt: submittedAt, triageDueAt: submittedAt.plus({ milliseconds: TRIAGE_WINDOW_MS }) })
    if (consultation.expertId) {
      // An expert given with merge({ expertId }) is the one the case will be assigned to.
      plan(consultation, { expert: plans.get(consultation)?.expert ?? (await Expert.findOrFail(consultation.expertId, { client: ctx.$trx })) })
      consultation.expertId = null
    }
    const screening = await screen({ module: 'experts', countyCode: consultation.countyCode, text: consultation.text }, ctx.$trx)
    if (screening.verdict === 'block') throw new Error(`ConsultationFactory: the text would be blocked (${screening.categories.join(', ')})`)
    if (screening.verdict === 'hold') consultation.moderation = 'held'
    plan(consultation, { heldFor: screening.categories })
  })
  .after('create', async (_, consultation, ctx) => {
    const trx = ctx.$trx!
    if (consultation.expertId) {
      // with('expert') made the expert before the insert; the case is assigned to them on its walk.
      plan(consultation, { expert: plans.get(consultation)?.expert ?? (consultation.$preloaded.expert as Expert) })
      consultation.useTransaction(trx)
      consultation.expertId = null
      await consultation.save()
    }
    const told = plans.get(consultation) ?? {}
    const reporterRole = told.reporterRole ?? (consultation.farmerPhone ? 'info_officer' : 'farmer')
    await ConsultationEvent.create(
      {
        consultationId: consultation.id,
        kind: 'submitted',
        actorId: consultation.reporterId,
        actorRole: reporterRole,
        expertId: null,
        reason: null,
        fromState: null,
        toState: 'submitted',
        createdAt: DateTime.fromJSDate(clock.now()),
      },
      { client: trx }
    )
    if (consultation.moderation === 'held') {
      await holdConsultation(trx, consultation, told.heldFor ?? [])
    }
    await walk(trx, consultation, told.state ?? 'submitted', told)
  })
  .build()

/**
 * Moves an existing case (made by the app's own pages, say) along the loop to `state`,
 * the way the factory's states do, in its own transaction. Returns the case as stored.
 */
export async function walkTo(consultation: Consultation, state: ConsultationState, told: CaseStory = {}) {
  await db.transaction(async (trx) => walk(trx, (await lockConsultation(trx, consultation.id))!, state, told))
  return Consultation.findOrFail(consultation.id)
}

/** The order of the loop: a case reaches `to` through these states. */
const PATH: readonly ConsultationState[] = ['submitted', 'awaiting_triage', 'assigned', 'answering', 'visit_requested', 'visit_dispatched', 'visited', 'closed', 'followed_up']

function nextStep(from: ConsultationState, to: ConsultationState, told: CaseStory): ConsultationState {
  if (from === 'submitted' && to === 'resolved_by_similar') return to
  if (from === 'answering') {
    const visiting = ['visit_requested', 'visit_dispatched', 'visited'].includes(to) || (told.visit && PATH.indexOf(to) > PATH.indexOf('visited'))
    return visiting ? 'visit_requested' : 'closed'
  }
  const next = PATH[PATH.indexOf(from) + 1]
  if (!next || PATH.indexOf(to) < PATH.indexOf(next)) throw new Error(`A case in '${from}' cannot reach '${to}'`)
  return next
}

async function walk(trx: TransactionClientContract, consultation: Consultation, to: ConsultationState, told: CaseStory) {
  if (consultation.state !== to && consultation.moderation !== 'pass') {
    throw new Error('A held or rejected case is not triaged: only its reviewer moves it on')
  }
  const submittedAt = consultation.createdAt
  const assignedAt = () => consultation.assignedAt ?? submittedAt.plus({ minutes: told.assignAfter ?? 0 })
  const answeredAt = () => consultation.answeredAt ?? assignedAt().plus({ minutes: told.respondAfter ?? 0 })
  const closedAt = () => (told.closeAfter === undefined ? answeredAt() : submittedAt.plus({ days: told.closeAfter }))

  while (consultation.state !== to) {
    const step = nextStep(consultation.state, to, told)
    if (step === 'resolved_by_similar') {
      await recordTransition(
        trx,
        consultation,
        'resolved_by_similar',
        { kind: 'resolved_by_similar', actor: { id: consultation.reporterId }, actorRole: 'reporter' },
        { similarDocumentId: told.similarDocumentId ?? null, closedAt: submittedAt }
      )
    } else if (step === 'awaiting_triage') {
      await recordTransition(trx, consultation, 'awaiting_triage', { kind: 'entered_triage', actor: null }, { triageLevel: await triageLevelFor(consultation.countyCode, trx) })
    } else if (step === 'assigned') {
      await assign(trx, consultation, told.expert ?? (await newExpertFor(trx, consultation)), assignedAt())
      for (const missed of told.missedBy ?? []) await recordEvent(trx, consultation, { kind: 'response_missed', expertId: missed.id })
    } else if (step === 'answering') {
      const expert = await Expert.query({ client: trx }).where('id', consultation.expertId!).firstOrFail()
      if (told.answer) await postMessage(trx, consultation, { authorId: expert.userId, authorRole: 'expert', kind: 'answer', body: told.answer })
      const at = answeredAt()
      await recordTransition(
        trx,
        consultation,
        'answering',
        { kind: 'answered', actor: { id: expert.userId }, actorRole: 'expert', expertId: expert.id },
        { answeredAt: at, firstResponseAt: consultation.firstResponseAt ?? at }
      )
    } else if (step === 'visit_requested') {
      const status = to === 'visit_requested' ? 'requested' : to === 'visit_dispatched' ? 'dispatched' : 'visited'
      await visitTo(trx, consultation, status, told.visit)
    } else if (step === 'closed') {
      await close(trx, consultation, closedAt(), told)
    } else if (step === 'followed_up') {
      await followUp(trx, consultation, consultation.closedAt!.plus({ days: told.followAfter ?? 0 }), told)
    } else {
      // The visit is told in one go from 'answering' (VisitFactory); a visit half-way is moved on by the visit pages.
      throw new Error(`A case in '${consultation.state}' is moved on by the visit pages, not the factory`)
    }
  }
  return consultation
}

/** The ring an expert is in, seen from the case (the triage level of the assignment). */
function levelOf(expert: Expert, consultation: Consultation): TriageLevel {
  if (expert.level === 'county' && expert.countyCode === consultation.countyCode) return 'county'
  if (RegionScope.fromRegionCode(consultation.countyCode).city.contains(expert.countyCode)) return 'city'
  return 'province'
}

function newExpertFor(trx: TransactionClientContract, consultation: Consultation) {
  return ExpertFactory.client(trx)
    .with('user', 1, (user) => user.merge({ countyCode: consultation.countyCode }))
    .merge({ countyCode: consultation.countyCode, industries: [consultation.industryCode] })
    .create()
}

/** As triage assigns: the expert's place taken (load and last assignment), the 3-hour response deadline. */
async function assign(trx: TransactionClientContract, consultation: Consultation, chosen: Expert, at: DateTime) {
  const expert = await Expert.query({ client: trx }).where('id', chosen.id).forUpdate().firstOrFail()
  if (expert.status !== 'verified' || availabilityOf(expert) !== 'on_duty') {
    throw new Error(`Expert ${expert.id} cannot take a case (${expert.status}, ${availabilityOf(expert)})`)
  }
  expert.useTransaction(trx)
  expert.merge({ openCases: expert.openCases + 1, lastAssignedAt: at })
  await expert.save()
  await recordTransition(
    trx,
    consultation,
    'assigned',
    { kind: 'assigned', expertId: expert.id },
    {
      expertId: expert.id,
      assignedAt: at,
      responseDueAt: at.plus({ milliseconds: RESPONSE_WINDOW_MS }),
      firstResponseAt: null,
      triageLevel: levelOf(expert, consultation),
    }
  )
}

/** As closing does: rated by the reporter (or silent and closed by the sweep), 7 days for the 回访, the expert's place given back. */
async function close(trx: TransactionClientContract, consultation: Consultation, at: DateTime, told: CaseStory) {
  if (told.autoClosed && told.rating !== undefined) throw new Error('An automatically closed case has no rating')
  const event = told.autoClosed
    ? { kind: 'auto_closed', actor: null, actorRole: 'system', expertId: consultation.expertId }
    : { kind: 'closed', actor: { id: consultation.reporterId }, actorRole: 'reporter', expertId: consultation.expertId }
  await recordTransition(trx, consultation, 'closed', event, {
    closedAt: at,
    followupDueAt: at.plus({ milliseconds: FOLLOWUP_WINDOW_MS }),
    ...(told.autoClosed ? {} : { rating: told.rating ?? 5, ratingComment: told.ratingComment ?? null }),
  })
  await releasePlace(trx, consultation.expertId)
}

/** As a reached 回访 call is recorded: the call with its ruling, then 'followed_up'. */
async function followUp(trx: TransactionClientContract, consultation: Consultation, at: DateTime, told: CaseStory) {
  const caller = told.caller ?? (await centreStaffOf(trx, consultation.countyCode))
  const valid = told.valid ?? true
  const category = told.category ?? 'diagnosis'
  await FollowupCall.create(
    { consultationId: consultation.id, callerId: caller.id, callerRole: 'center_staff', reached: true, serviceValid: valid, category, notes: null, createdAt: at },
    { client: trx }
  )
  await recordTransition(trx, consultation, 'followed_up', {
    kind: 'followed_up',
    actor: caller,
    actorRole: 'center_staff',
    reason: `${valid ? 'valid' : 'invalid'}:${category}`,
  })
}

/** A centre staff member of the county, for the steps the centre takes. */
function centreStaffOf(trx: TransactionClientContract, countyCode: string) {
  return UserFactory.client(trx).merge({ countyCode }).with('roleGrants', 1, withRole('center_staff', countyCode)).create()
}
