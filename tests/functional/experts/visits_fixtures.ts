import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { clock, HOUR } from '#core/clock'
import Consultation from '#modules/experts/models/consultation'
import Visit from '#modules/experts/models/visit'
import { recordTransition } from '#modules/experts/shared/transition'
import { postMessage } from '#modules/experts/conversation/post_message'
import { createUser } from '#tests/helpers'
import { createExpert as createTriageExpert } from '#tests/fixtures/experts/triage'

/*
 * Cases for the visits and closing tests, built straight from the models and
 * recordTransition (the way the other areas' flows will have left them), so these
 * tests do not depend on the reporting and triage pages.
 */

export async function createExpert(county = '510104', industry = 'grain_oil', name = '王专家') {
  const expert = await createTriageExpert({ county, industries: [industry], name, openCases: 1 })
  return { user: expert.user, expert }
}

/** Centre staff of a region scope ('510104' a county, '5101' Chengdu). */
export function createStaff(scope = '510104') {
  return createUser({ county: scope.length === 6 ? scope : '510104', roles: ['center_staff'], scopes: { center_staff: scope }, name: '张中心' })
}

/**
 * A case an expert has answered ('answering'): reporter (an 信息员, optionally for a
 * farmer), its expert, and the county centre's staff member.
 */
export async function answeredCase(options: { county?: string; farmerPhone?: string } = {}) {
  const county = options.county ?? '510104'
  const reporter = await createUser({ county, roles: ['info_officer'], name: '李信息员' })
  const { user: expertUser, expert } = await createExpert(county)
  const staff = await createStaff(county)
  const now = DateTime.fromJSDate(clock.now())
  const consultation = await Consultation.create({
    reporterId: reporter.id,
    farmerName: options.farmerPhone ? '赵农户' : null,
    farmerPhone: options.farmerPhone ?? null,
    industryCode: 'grain_oil',
    countyCode: county,
    text: '水稻叶片出现褐色梭形病斑，中间灰白色，越来越多，怎么防治？',
    state: 'submitted',
    moderation: 'pass',
    triageDueAt: now.plus({ milliseconds: HOUR }),
  })
  await db.transaction(async (trx) => {
    await recordTransition(trx, consultation, 'awaiting_triage', { kind: 'entered_triage' }, { triageLevel: 'county' })
    await recordTransition(trx, consultation, 'assigned', { kind: 'assigned', expertId: expert.id }, {
      expertId: expert.id,
      assignedAt: now,
      responseDueAt: now.plus({ hours: 3 }),
    })
    await postMessage(trx, consultation, { authorId: expertUser.id, authorRole: 'expert', kind: 'answer', body: '这是稻瘟病，用三环唑喷雾防治。' })
    await recordTransition(trx, consultation, 'answering', { kind: 'answered', actor: expertUser, actorRole: 'expert', expertId: expert.id }, {
      answeredAt: now,
      firstResponseAt: now,
    })
  })
  return { consultation, reporter, expertUser, expert, staff }
}

/** The same case with a visit the reporter asked for ('visit_requested'). */
export async function requestedVisit(options: { county?: string } = {}) {
  const fixture = await answeredCase(options)
  const visit = await db.transaction(async (trx) => {
    const created = await Visit.create(
      {
        consultationId: fixture.consultation.id,
        countyCode: fixture.consultation.countyCode,
        requestedById: fixture.reporter.id,
        requestedByRole: 'reporter',
        reason: '照片看不清，需要专家到田里看看',
        status: 'requested',
      },
      { client: trx }
    )
    await recordTransition(trx, fixture.consultation, 'visit_requested', { kind: 'visit_requested', actor: fixture.reporter, actorRole: 'reporter' })
    return created
  })
  return { ...fixture, visit }
}

/** A visit dispatched to the case's own expert tomorrow ('visit_dispatched'). */
export async function dispatchedVisit(options: { county?: string } = {}) {
  const fixture = await requestedVisit(options)
  await db.transaction(async (trx) => {
    fixture.visit.useTransaction(trx)
    fixture.visit.merge({
      status: 'dispatched',
      expertId: fixture.expert.id,
      scheduledOn: DateTime.fromJSDate(clock.now()).plus({ days: 1 }),
      place: '锦江区三圣街道红砂村 3 组',
      dispatchedById: fixture.staff.id,
      dispatchedAt: DateTime.fromJSDate(clock.now()),
    })
    await fixture.visit.save()
    await recordTransition(trx, fixture.consultation, 'visit_dispatched', { kind: 'visit_dispatched', actor: fixture.staff, actorRole: 'staff', expertId: fixture.expert.id })
  })
  return fixture
}

/** A date relative to today in Beijing, as the date input sends it. */
export function dayFromToday(days: number) {
  return DateTime.fromJSDate(clock.now()).setZone('Asia/Shanghai').plus({ days }).toISODate()!
}

export async function eventsOf(consultationId: number) {
  return db.from('experts_consultation_events').where('consultation_id', consultationId).orderBy('id').select('kind', 'from_state', 'to_state', 'reason', 'actor_role')
}
