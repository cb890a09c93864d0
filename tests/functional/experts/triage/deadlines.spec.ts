import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { HOUR, MINUTE, clock } from '#core/clock'
import Notification from '#core/notifications/notification'
import SmsMessage from '#core/sms/sms_message'
import { createUser } from '#tests/helpers'
import Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import { enterTriage } from '#modules/experts/triage/enter_triage'
import { ASSIGNMENT_SMS_JOB, TRIAGE_JOB } from '#modules/experts/triage/assign_expert'
import { sweepDeadlines } from '#modules/experts/triage/sweep_deadlines'
import { verifyCaseLink } from '#modules/experts/shared/case_links'
import { runTriage, sendAssignmentSms, type AssignmentSmsPayload } from '#modules/experts/triage/jobs'
import { eventsOf, queuedJobs, runQueued } from '#tests/fixtures/experts/triage'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { makeCase } from '#tests/fixtures/experts/consultations'

/** Everything the sweep could change, to compare two runs. */
async function snapshot() {
  const cases = await db.from('experts_consultations').orderBy('id').select('id', 'state', 'expert_id', 'triage_level', 'triage_due_at', 'response_due_at', 'first_response_at', 'updated_at')
  const count = async (table: string) => Number((await db.from(table).count('* as n').first()).n)
  const experts = await db.from('experts_profiles').orderBy('id').select('id', 'open_cases', 'last_assigned_at')
  return {
    cases,
    experts,
    events: await count('experts_consultation_events'),
    notifications: await count('notifications'),
    jobs: Number((await db.from('pgboss.job').whereIn('name', [TRIAGE_JOB, ASSIGNMENT_SMS_JOB]).count('* as n').first()).n),
  }
}

test.group('Triage / deadlines (controllable clock)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('entering triage queues the job in the same transaction; no expert in the county → the city expert', async ({ assert }) => {
    const { expert: neighbour } = await makeExpert({ level: 'county', county: '510105', industries: ['fruit'] })
    const { expert: city } = await makeExpert({ level: 'city', county: '510105', industries: ['fruit'] })
    const consultation = await makeCase({ state: 'submitted', industry: 'fruit', county: '510104' })

    // A rolled-back transaction leaves no job behind.
    await db
      .transaction(async (trx) => {
        await enterTriage(trx, (await Consultation.find(consultation.id, { client: trx }))!, null)
        throw new Error('rolled back on purpose')
      })
      .catch(() => {})
    assert.lengthOf(await queuedJobs(TRIAGE_JOB), 0)

    await db.transaction(async (trx) => enterTriage(trx, (await Consultation.find(consultation.id, { client: trx }))!, { id: consultation.reporterId }))
    assert.lengthOf(await queuedJobs(TRIAGE_JOB), 1)
    assert.equal(await runQueued(TRIAGE_JOB), 1)

    await consultation.refresh()
    assert.equal(consultation.state, 'assigned')
    // The city ring: both are in 成都; the less recently used city-level one… both idle, so the older profile.
    assert.equal(consultation.expertId, neighbour.id)
    assert.equal(consultation.triageLevel, 'city')
    const assigned = (await eventsOf(consultation)).find((row) => row.kind === 'assigned')
    assert.equal(assigned.reason, '本县没有同产业专家；本市县级专家，同产业，当前0件')
    assert.notEqual(city.id, neighbour.id)
  })

  test('the SMS log holds a signed link to the case for its expert, sent once per assignment', async ({ assert }) => {
    const { expert } = await makeExpert()
    const consultation = await makeCase({ state: 'awaiting_triage' })
    await runTriage({ consultationId: consultation.id })
    assert.equal(await runQueued(ASSIGNMENT_SMS_JOB), 1)
    const [job] = await queuedJobs<AssignmentSmsPayload>(ASSIGNMENT_SMS_JOB)
    await sendAssignmentSms(job.data) // the same job run again (its worker died after sending)

    const messages = await SmsMessage.query().where('phone', expert.user.phone)
    assert.lengthOf(messages, 1)
    const [message] = messages
    assert.equal(message.template, 'expert_new_case')
    const match = /(https?:\/\/[^/\s]+)\/l\/(\d+)\/([A-Za-z0-9._-]+)$/.exec(message.body!)
    assert.isNotNull(match, message.body!)
    assert.include(message.body!, '【四川乡村振兴科技在线】您有一件新的农技案件，请在3小时内处理：')
    assert.equal(Number(match![2]), consultation.id)
    const check = verifyCaseLink(Number(match![2]), match![3])
    assert.isTrue(check.ok)
    if (check.ok) assert.deepInclude(check.link, { audience: 'expert', subjectId: Number(expert.id) })
    const deliveries = (await queuedJobs<{ messageId: number }>('deliver_sms')).filter((delivery) => Number(delivery.data.messageId) === Number(message.id))
    assert.lengthOf(deliveries, 1)
  })

  test('no response in 3 hours: the miss and the reassignment are both recorded, the load moves', async ({ assert }) => {
    const { expert: first } = await makeExpert({ name: '甲专家' })
    const { expert: second } = await makeExpert({ name: '乙专家', openCases: 1 })
    const consultation = await makeCase({ state: 'awaiting_triage' })
    await runTriage({ consultationId: consultation.id })
    await consultation.refresh()
    assert.equal(consultation.expertId, first.id)

    clock.travel(3 * HOUR - MINUTE)
    assert.deepEqual(await sweepDeadlines(), { enteredTriage: 0, escalated: 0, missed: 0 })
    clock.travel(2 * MINUTE)
    assert.deepEqual(await sweepDeadlines(), { enteredTriage: 0, escalated: 0, missed: 1 })

    await consultation.refresh()
    assert.equal(consultation.state, 'assigned')
    assert.equal(consultation.expertId, second.id)
    assert.approximately(consultation.responseDueAt!.toMillis(), clock.now().getTime() + 3 * HOUR, 2000)
    const events = await eventsOf(consultation)
    const kinds = events.map((row) => [row.kind, Number(row.expert_id)])
    assert.deepEqual(kinds.slice(-2), [
      ['response_missed', Number(first.id)],
      ['reassigned', Number(second.id)],
    ])
    assert.include(events.at(-1).reason, '原专家超时未响应')
    assert.equal((await Expert.findOrFail(first.id)).openCases, 0)
    assert.equal((await Expert.findOrFail(second.id)).openCases, 2)
    assert.lengthOf(await queuedJobs(ASSIGNMENT_SMS_JOB), 2, 'the second expert gets an SMS too')

    // The one who missed is never asked again: with nobody else, the centre takes over.
    clock.travel(3 * HOUR + MINUTE)
    await sweepDeadlines()
    await consultation.refresh()
    assert.equal(consultation.state, 'awaiting_triage')
    assert.isNull(consultation.expertId)
    assert.equal(consultation.triageLevel, 'center')
    assert.equal((await Expert.findOrFail(second.id)).openCases, 1)
  })

  test('an accepted case is not taken away at the deadline', async ({ assert }) => {
    await makeExpert()
    await makeExpert()
    const consultation = await makeCase({ state: 'awaiting_triage' })
    await runTriage({ consultationId: consultation.id })
    await consultation.refresh()
    consultation.firstResponseAt = consultation.assignedAt
    await consultation.save()
    const expertId = consultation.expertId
    clock.travel(4 * HOUR)
    assert.equal((await sweepDeadlines()).missed, 0)
    await consultation.refresh()
    assert.equal(consultation.expertId, expertId)
  })

  test('unassigned at the triage deadline: escalated one level, the centre told, a new deadline, assignment retried', async ({ assert }) => {
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const { expert: full } = await makeExpert({ maxOpenCases: 1, openCases: 1 })
    const consultation = await makeCase({ state: 'awaiting_triage' })
    await runTriage({ consultationId: consultation.id })
    await consultation.refresh()
    assert.equal(consultation.triageLevel, 'center')
    await Notification.query().where('user_id', staff.id).delete()

    // Back to county level, as if the triage job had never run (a worker lost it).
    consultation.triageLevel = 'county'
    await consultation.save()
    const { expert: province } = await makeExpert({ level: 'province', county: '511623' })
    clock.travel(HOUR + MINUTE)
    assert.deepEqual(await sweepDeadlines(), { enteredTriage: 0, escalated: 1, missed: 0 })
    await consultation.refresh()
    assert.equal(consultation.state, 'assigned')
    assert.equal(consultation.expertId, province.id)
    const events = await eventsOf(consultation)
    const escalated = events.find((row) => row.kind === 'triage_escalated')
    assert.equal(escalated.reason, '分诊超过1小时未完成，升级到市级专家，已通知运管中心')
    assert.include(events.at(-1).reason, '分诊超过1小时未完成')
    assert.include(events.at(-1).reason, '省级专家，同产业，当前0件')
    assert.lengthOf(await Notification.query().where('user_id', staff.id), 1)
    assert.notEqual(full.id, province.id)
  })

  test('nobody at the next level either: the level is kept and the next escalation is an hour away', async ({ assert }) => {
    const consultation = await makeCase({ state: 'awaiting_triage' })
    clock.travel(HOUR + MINUTE)
    assert.equal((await sweepDeadlines()).escalated, 1)
    await consultation.refresh()
    assert.equal(consultation.state, 'awaiting_triage')
    assert.equal(consultation.triageLevel, 'city')
    assert.approximately(consultation.triageDueAt!.toMillis(), clock.now().getTime() + HOUR, 2000)
    assert.equal((await sweepDeadlines()).escalated, 0)
    clock.travel(HOUR + MINUTE)
    assert.equal((await sweepDeadlines()).escalated, 1)
    await consultation.refresh()
    assert.equal(consultation.triageLevel, 'province')
  })

  test('a sweep run twice changes nothing the second time', async ({ assert }) => {
    await makeExpert()
    await makeExpert({ level: 'city', county: '510105' })
    const idle = await makeCase({ state: 'submitted' })
    const held = await makeCase({ state: 'submitted', held: true })
    const waiting = await makeCase({ state: 'awaiting_triage' })
    const assigned = await makeCase({ state: 'awaiting_triage' })
    await runTriage({ consultationId: assigned.id })

    clock.travel(3 * HOUR + MINUTE)
    const first = await sweepDeadlines()
    assert.deepEqual(first, { enteredTriage: 1, escalated: 2, missed: 1 })
    const after = await snapshot()
    assert.deepEqual(await sweepDeadlines(), { enteredTriage: 0, escalated: 0, missed: 0 })
    assert.deepEqual(await snapshot(), after)

    await idle.refresh()
    await held.refresh()
    await waiting.refresh()
    // Submitted 3 hours ago: into triage, past its deadline at once, escalated and assigned in one run.
    assert.equal(idle.state, 'assigned')
    assert.equal(held.state, 'submitted', 'a held case waits for its reviewer')
    assert.equal(waiting.state, 'assigned')
  })

  test('a crash between submit and triage loses nothing: the sweep finds the case and keeps its deadline', async ({ assert }) => {
    const { expert } = await makeExpert()
    // Submitted, then the process died: no triage job exists.
    const consultation = await makeCase({ state: 'submitted' })
    const deadline = consultation.triageDueAt!.toMillis()
    assert.lengthOf(await queuedJobs(TRIAGE_JOB), 0)

    clock.travel(9 * MINUTE)
    assert.equal((await sweepDeadlines()).enteredTriage, 0, 'ten quiet minutes first')
    clock.travel(2 * MINUTE)
    assert.equal((await sweepDeadlines()).enteredTriage, 1)
    await consultation.refresh()
    assert.equal(consultation.state, 'awaiting_triage')
    assert.equal(consultation.triageDueAt!.toMillis(), deadline)
    const entered = (await eventsOf(consultation)).find((row) => row.kind === 'entered_triage')
    assert.equal(entered.reason, '提交后10分钟无操作，自动进入分诊')

    assert.equal(await runQueued(TRIAGE_JOB), 1)
    await consultation.refresh()
    assert.equal(consultation.state, 'assigned')
    assert.equal(consultation.expertId, expert.id)
    assert.equal(consultation.triageDueAt!.toMillis(), deadline)
  })
})
