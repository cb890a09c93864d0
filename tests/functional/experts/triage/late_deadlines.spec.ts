import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { HOUR, clock } from '#core/clock'
import Notification from '#core/notifications/notification'
import { createUser } from '#tests/helpers'
import { sweepDeadlines } from '#modules/experts/triage/sweep_deadlines'
import { runTriage } from '#modules/experts/triage/jobs'
import { eventsOf } from '#tests/fixtures/experts/triage'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { makeCase } from '#tests/fixtures/experts/consultations'

/*
 * Issue 22, point 3: a deadline that passed while the worker was stopped is recorded
 * as missed when the worker returns, however late, whichever runs first (the queued
 * triage job or the sweep), with the same event and centre notification as on time.
 */
const centreNotices = (userId: number) => Notification.query().where('user_id', userId).where('kind', 'experts.triage_needed')

test.group('Triage / deadlines found late (the worker was down)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('the triage job that runs 5 hours late records the escalation and tells the centre before assigning', async ({ assert }) => {
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const { expert } = await makeExpert()
    const consultation = await makeCase({ state: 'awaiting_triage' })
    // The worker is stopped: the triage job waits in the queue; the platform's clock moves on.
    clock.travel(5 * HOUR)
    await runTriage({ consultationId: consultation.id })

    await consultation.refresh()
    assert.equal(consultation.state, 'assigned')
    assert.equal(Number(consultation.expertId), Number(expert.id))
    const kinds = (await eventsOf(consultation)).map((row) => row.kind)
    assert.includeOrderedMembers(kinds.slice(-2), ['triage_escalated', 'assigned'])
    const escalated = (await eventsOf(consultation)).find((row) => row.kind === 'triage_escalated')
    assert.include(escalated.reason, '分诊超过1小时未完成')
    assert.include(escalated.reason, '分钟后才发现（系统曾中断），补记为超时')
    assert.lengthOf(await centreNotices(staff.id), 1)

    // Nothing is left for the sweep, nor for the job run again.
    assert.deepEqual(await sweepDeadlines(), { enteredTriage: 0, escalated: 0, missed: 0 })
    await runTriage({ consultationId: consultation.id })
    assert.lengthOf((await eventsOf(consultation)).filter((row) => row.kind === 'triage_escalated'), 1)
  })

  test('the sweep that runs first records the same escalation, noting how late it was found', async ({ assert }) => {
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    await makeExpert()
    const consultation = await makeCase({ state: 'awaiting_triage' })
    clock.travel(26 * HOUR)
    assert.deepEqual(await sweepDeadlines(), { enteredTriage: 0, escalated: 1, missed: 0 })
    const escalated = (await eventsOf(consultation)).find((row) => row.kind === 'triage_escalated')
    assert.include(escalated.reason, '补记为超时')
    assert.lengthOf(await centreNotices(staff.id), 1)
    // The queued job, run afterwards, finds the case assigned and adds nothing.
    await runTriage({ consultationId: consultation.id })
    assert.lengthOf((await eventsOf(consultation)).filter((row) => row.kind === 'triage_escalated'), 1)
  })

  test('an expert who answered after the 3-hour deadline while no sweep ran: response_missed is recorded, the centre told, the case stays', async ({ assert }) => {
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const { expert } = await makeExpert()
    const consultation = await makeCase({ state: 'awaiting_triage' })
    await runTriage({ consultationId: consultation.id })
    await consultation.refresh()
    assert.equal(consultation.state, 'assigned')
    await Notification.query().where('user_id', staff.id).delete()

    // The worker stops; four hours later the expert answers (the link still works: nobody took the case away).
    clock.travel(4 * HOUR)
    consultation.merge({ state: 'answering', firstResponseAt: DateTime.fromJSDate(clock.now()), answeredAt: DateTime.fromJSDate(clock.now()) })
    await consultation.save()

    // The worker returns.
    assert.deepEqual(await sweepDeadlines(), { enteredTriage: 0, escalated: 0, missed: 1 })
    await consultation.refresh()
    assert.equal(consultation.state, 'answering')
    assert.equal(Number(consultation.expertId), Number(expert.id))
    const missed = (await eventsOf(consultation)).filter((row) => row.kind === 'response_missed')
    assert.lengthOf(missed, 1)
    assert.equal(Number(missed[0].expert_id), Number(expert.id))
    assert.include(missed[0].reason, '补记为超时')
    assert.lengthOf(await centreNotices(staff.id), 1)
    assert.deepEqual(await sweepDeadlines(), { enteredTriage: 0, escalated: 0, missed: 0 }, 'recorded once')
  })

  test('an expert who answered in time is never recorded as missed', async ({ assert }) => {
    await makeExpert()
    const consultation = await makeCase({ state: 'awaiting_triage' })
    await runTriage({ consultationId: consultation.id })
    await consultation.refresh()
    clock.travel(2 * HOUR)
    consultation.merge({ state: 'answering', firstResponseAt: DateTime.fromJSDate(clock.now()), answeredAt: DateTime.fromJSDate(clock.now()) })
    await consultation.save()
    clock.travel(10 * HOUR)
    assert.deepEqual(await sweepDeadlines(), { enteredTriage: 0, escalated: 0, missed: 0 })
  })
})
