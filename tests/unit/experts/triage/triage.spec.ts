import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { clock, todayIso } from '#core/clock'
import Notification from '#core/notifications/notification'
import { createUser } from '#tests/helpers'
import Expert from '#modules/experts/models/expert'
import {
  ASSIGNMENT_SMS_JOB,
  findCandidate,
  nextLevel,
} from '#modules/experts/triage/assign_expert'
import { runTriage } from '#modules/experts/triage/jobs'
import { eventsOf, queuedJobs } from '#tests/fixtures/experts/triage'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { makeCase } from '#tests/fixtures/experts/consultations'

const pick = (consultation: Awaited<ReturnType<typeof makeCase>>, excluded: number[] = []) =>
  findCandidate(db.connection(), consultation, { excluded })

test.group('Triage / candidate selection', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('county experts of the case’s county first, then the city, then the province', async ({ assert }) => {
    const { expert: province } = await makeExpert({ level: 'province', county: '511623' })
    const { expert: city } = await makeExpert({ level: 'city', county: '510105' })
    const { expert: county } = await makeExpert({ level: 'county', county: '510104', openCases: 3 })
    const consultation = await makeCase({ state: 'awaiting_triage', county: '510104' })

    let chosen = await pick(consultation)
    assert.equal(chosen!.expert.id, county.id, 'a loaded county expert beats idle city and province experts')
    assert.equal(chosen!.stage, 'county')

    chosen = await pick(consultation, [county.id])
    assert.equal(chosen!.expert.id, city.id)
    assert.equal(chosen!.stage, 'city')

    chosen = await pick(consultation, [county.id, city.id])
    assert.equal(chosen!.expert.id, province.id)
    assert.equal(chosen!.stage, 'province')

    assert.isNull(await pick(consultation, [county.id, city.id, province.id]))
  })

  test('the city ring holds any expert located in the city; another city’s experts are not in it', async ({ assert }) => {
    const { expert: otherCity } = await makeExpert({ level: 'city', county: '511623' })
    const { expert: neighbourCounty } = await makeExpert({ level: 'county', county: '510129' })
    const consultation = await makeCase({ state: 'awaiting_triage', county: '510104' })

    const chosen = await pick(consultation)
    assert.equal(chosen!.expert.id, neighbourCounty.id)
    assert.equal(chosen!.stage, 'city')
    assert.isNull(await pick(consultation, [neighbourCounty.id]), `city expert ${otherCity.id} of 广安 is no candidate in 成都`)
  })

  test('an away or off-duty expert is never chosen; away until yesterday is back', async ({ assert }) => {
    const day = DateTime.fromISO(todayIso())
    await makeExpert({ awayUntil: day.toISODate() })
    await makeExpert({ awayUntil: day.plus({ days: 5 }).toISODate() })
    await makeExpert({ onDuty: false })
    const consultation = await makeCase({ state: 'awaiting_triage' })
    assert.isNull(await pick(consultation))

    const { expert: back } = await makeExpert({ awayUntil: day.minus({ days: 1 }).toISODate(), openCases: 5 })
    assert.equal((await pick(consultation))!.expert.id, back.id)
  })

  test('a full expert is skipped; pending and other industries are never candidates', async ({ assert }) => {
    await makeExpert({ maxOpenCases: 2, openCases: 2 })
    await makeExpert({ status: 'pending' })
    await makeExpert({ industries: ['pig', 'tea'] })
    const consultation = await makeCase({ state: 'awaiting_triage' })
    assert.isNull(await pick(consultation))

    const { expert: multi } = await makeExpert({ industries: ['tea', 'grain_oil'], maxOpenCases: 3, openCases: 2 })
    assert.equal((await pick(consultation))!.expert.id, multi.id, 'any of an expert’s industries counts')
  })

  test('least open load first, then the longest idle (never assigned first), then the oldest profile', async ({ assert }) => {
    const now = DateTime.fromJSDate(clock.now())
    const { expert: busy } = await makeExpert({ openCases: 2, lastAssignedAt: now.minus({ days: 30 }) })
    const { expert: recent } = await makeExpert({ openCases: 1, lastAssignedAt: now.minus({ minutes: 5 }) })
    const { expert: idle } = await makeExpert({ openCases: 1, lastAssignedAt: now.minus({ days: 2 }) })
    const { expert: never } = await makeExpert({ openCases: 1, lastAssignedAt: null })
    const { expert: neverToo } = await makeExpert({ openCases: 1, lastAssignedAt: null })
    const consultation = await makeCase({ state: 'awaiting_triage' })

    const order: number[] = []
    for (let i = 0; i < 5; i++) order.push((await pick(consultation, order))!.expert.id)
    assert.deepEqual(order, [never.id, neverToo.id, idle.id, recent.id, busy.id])
  })

  test('the expert the reporter addressed comes first when available, whatever the ring or load', async ({ assert }) => {
    await makeExpert({ openCases: 0 })
    const { expert: addressed } = await makeExpert({ level: 'province', county: '511623', industries: ['tea'], openCases: 7 })
    const consultation = await makeCase({ state: 'awaiting_triage', addressedExpertId: addressed.id })
    const chosen = await pick(consultation)
    assert.equal(chosen!.expert.id, addressed.id)
    assert.equal(chosen!.stage, 'addressed')

    await Expert.query().where('id', addressed.id).update({ on_duty: false })
    assert.notEqual((await pick(consultation))!.expert.id, addressed.id, 'an away addressed expert is passed over')
  })

  test('levels: escalation climbs county → city → province → centre, and stays there', ({ assert }) => {
    assert.equal(nextLevel('county'), 'city')
    assert.equal(nextLevel('city'), 'province')
    assert.equal(nextLevel('province'), 'center')
    assert.equal(nextLevel('center'), 'center')
  })
})

test.group('Triage / automatic assignment', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('assigns in one transaction: state, deadline, load, idle time, the reason, a notification and the SMS job', async ({ assert }) => {
    const { expert } = await makeExpert({ openCases: 3 })
    const consultation = await makeCase({ state: 'awaiting_triage' })
    const outcome = await runTriage({ consultationId: consultation.id })
    assert.equal(outcome?.assigned?.id, expert.id)

    await consultation.refresh()
    await expert.refresh()
    assert.equal(consultation.state, 'assigned')
    assert.equal(consultation.expertId, expert.id)
    assert.equal(consultation.triageLevel, 'county')
    assert.approximately(consultation.responseDueAt!.toMillis() - consultation.assignedAt!.toMillis(), 3 * 3600_000, 1000)
    assert.equal(expert.openCases, 4)
    assert.approximately(expert.lastAssignedAt!.toMillis(), Date.now(), 5000)

    const [event] = (await eventsOf(consultation)).filter((row) => row.kind === 'assigned')
    assert.equal(event.reason, '县级专家，同产业，当前3件')
    assert.equal(Number(event.expert_id), expert.id)
    assert.equal(event.from_state, 'awaiting_triage')
    assert.equal(event.to_state, 'assigned')

    const notice = await Notification.query().where('user_id', expert.userId).firstOrFail()
    assert.equal(notice.link, `/expert/cases/${consultation.id}`)
    const [job] = await queuedJobs(ASSIGNMENT_SMS_JOB)
    assert.deepEqual(job.data, { consultationId: Number(consultation.id), expertId: Number(expert.id), eventId: Number(event.id) })
  })

  test('the reason says why nearer rings were passed over', async ({ assert }) => {
    await makeExpert({ awayUntil: todayIso() })
    await makeExpert({ maxOpenCases: 1, openCases: 1 })
    const { expert: city } = await makeExpert({ level: 'city', county: '510105' })
    const consultation = await makeCase({ state: 'awaiting_triage' })
    await runTriage({ consultationId: consultation.id })

    const [event] = (await eventsOf(consultation)).filter((row) => row.kind === 'assigned')
    assert.equal(Number(event.expert_id), city.id)
    assert.equal(
      event.reason,
      '本县同产业专家2位均不能接单（休假1位，满额1位，已退回或超时0位）；本市市级专家，同产业，当前0件'
    )
    await consultation.refresh()
    assert.equal(consultation.triageLevel, 'city')
  })

  test('running the job twice assigns once', async ({ assert }) => {
    const { expert } = await makeExpert()
    const consultation = await makeCase({ state: 'awaiting_triage' })
    await runTriage({ consultationId: consultation.id })
    assert.isNull(await runTriage({ consultationId: consultation.id }))
    await expert.refresh()
    assert.equal(expert.openCases, 1)
    assert.lengthOf((await eventsOf(consultation)).filter((row) => row.kind === 'assigned'), 1)
    assert.lengthOf(await queuedJobs(ASSIGNMENT_SMS_JOB), 1)
  })

  test('nobody at any level: the case waits for the centre, whose narrowest staff are told', async ({ assert }) => {
    const countyStaff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const cityAdmin = await createUser({ roles: ['center_admin'], scopes: { center_admin: '5101' } })
    const otherCounty = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510105' } })
    await makeExpert({ industries: ['pig'] })
    const consultation = await makeCase({ state: 'awaiting_triage' })
    const before = consultation.triageDueAt!.toMillis()

    const outcome = await runTriage({ consultationId: consultation.id })
    assert.isNull(outcome!.assigned)
    await consultation.refresh()
    assert.equal(consultation.state, 'awaiting_triage')
    assert.equal(consultation.triageLevel, 'center')
    assert.equal(consultation.triageDueAt!.toMillis(), before, 'the 1-hour deadline is kept')
    const [event] = (await eventsOf(consultation)).filter((row) => row.kind === 'no_candidate')
    assert.include(event.reason, '转运管中心人工分诊')

    assert.lengthOf(await Notification.query().where('user_id', countyStaff.id), 1)
    assert.lengthOf(await Notification.query().where('user_id', cityAdmin.id), 0)
    assert.lengthOf(await Notification.query().where('user_id', otherCounty.id), 0)
    assert.isNull(await runTriage({ consultationId: consultation.id }), 'a rerun does not notify again')
    assert.lengthOf(await Notification.query().where('user_id', countyStaff.id), 1)
  })

  test('two cases for one place: the second goes to the next expert, nobody is over their maximum', async ({ assert }) => {
    const { expert: first } = await makeExpert({ maxOpenCases: 1 })
    const { expert: second } = await makeExpert({ maxOpenCases: 1, lastAssignedAt: DateTime.now() })
    const a = await makeCase({ state: 'awaiting_triage' })
    const b = await makeCase({ state: 'awaiting_triage' })
    await Promise.all([runTriage({ consultationId: a.id }), runTriage({ consultationId: b.id })])
    await a.refresh()
    await b.refresh()
    assert.sameMembers([a.expertId, b.expertId], [first.id, second.id])
    await first.refresh()
    await second.refresh()
    assert.equal(first.openCases, 1)
    assert.equal(second.openCases, 1)
  })
})
