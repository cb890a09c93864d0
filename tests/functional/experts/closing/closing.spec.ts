import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { clock, DAY, MINUTE } from '#core/clock'
import { BOSS_SCHEMA } from '#core/jobs/boss'
import { jobDefinition } from '#core/jobs/registry'
import SmsMessage from '#core/sms/sms_message'
import Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import { signCaseLink } from '#modules/experts/shared/case_links'
import { FOLLOWUP_WINDOW_MS } from '#modules/experts/shared/consultation_states'
import { AUTO_CLOSE, AUTO_CLOSED_SMS, sweepSilentConsultations } from '#modules/experts/closing/jobs'
import { scheduleDefinitions } from '#core/jobs/registry'
import { assertRedirect, createUser, fieldErrors, submitForm } from '#tests/helpers'
import { caseWithParties, eventsOf } from '#tests/fixtures/experts/visits'

const farmerLink = (consultationId: number) => `/f/${consultationId}/${signCaseLink(Number(consultationId), 'farmer', 0)}`

async function fresh(consultation: Consultation) {
  return Consultation.findOrFail(consultation.id)
}

async function openCases(expert: Expert) {
  return (await Expert.findOrFail(expert.id)).openCases
}

async function indexedRating(consultationId: number) {
  const row = await db.from('text_documents').where({ source_type: 'consultation', source_id: String(consultationId) }).first()
  return row ? row.rating : undefined
}

test.group('Closing / close and rate', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the reporter closes with a rating from the page (no-JS): closed, follow-up due in 7 days, the expert one case lighter, the index rated', async ({ client, assert }) => {
    const { consultation, reporter, expert, expertUser } = await caseWithParties()
    assert.equal(await openCases(expert), 1)
    const page = await client.get(`/consultations/${consultation.id}/close`).loginAs(reporter)
    page.assertStatus(200)
    page.assertTextIncludes('结案并提交评价')
    page.assertTextIncludes('name="rating"')

    const back = `/consultations/${consultation.id}`
    const before = clock.now().getTime()
    const response = await submitForm(client, `/consultations/${consultation.id}/close`, { rating: '4', comment: '专家说得很清楚，用药后好转', back }, reporter)
    assertRedirect(response, back)

    const closed = await fresh(consultation)
    assert.equal(closed.state, 'closed')
    assert.equal(closed.rating, 4)
    assert.equal(closed.ratingComment, '专家说得很清楚，用药后好转')
    const closedAt = closed.closedAt!.toMillis()
    assert.isAtLeast(closedAt, before - 1000)
    assert.equal(closed.followupDueAt!.toMillis() - closedAt, FOLLOWUP_WINDOW_MS)
    assert.equal(await openCases(expert), 0)
    assert.equal(await indexedRating(consultation.id), 4)
    assert.deepInclude((await eventsOf(consultation.id)).at(-1), { kind: 'closed', from_state: 'answering', to_state: 'closed', actor_role: 'reporter' })
    assert.equal(Number((await db.from('notifications').where({ user_id: expertUser.id, kind: 'experts.closed' }).count('* as n').first()).n), 1)

    const after = await client.get(`/consultations/${consultation.id}/close`).loginAs(reporter)
    after.assertTextIncludes('已结案')
    assert.notInclude(after.text(), 'name="rating"')
  })

  test('the reporter\'s case page and the farmer\'s link page carry the close form; both post back to themselves', async ({ client, assert }) => {
    const { consultation, reporter } = await caseWithParties('answering', { farmerPhone: '13600000005' })
    const casePage = await client.get(`/consultations/${consultation.id}`).loginAs(reporter)
    casePage.assertStatus(200)
    casePage.assertTextIncludes(`action="/consultations/${consultation.id}/close#close-form-${consultation.id}"`)
    casePage.assertTextIncludes(`name="back" value="/consultations/${consultation.id}"`)
    casePage.assertTextIncludes('申请专家上门服务')

    const link = farmerLink(consultation.id)
    const linkPage = await client.get(link)
    linkPage.assertStatus(200)
    linkPage.assertTextIncludes(`action="${link}/close#close-form-${consultation.id}"`)
    // Right under the expert's answer, in the farmer's words.
    const at = (text: string) => linkPage.text().indexOf(text)
    assert.isAbove(at('问题解决了吗？'), at('这是稻瘟病，用三环唑喷雾防治。'))
    assert.isAbove(at('解决了，去评价'), at('问题解决了吗？'))
    assert.notInclude(linkPage.text(), '申请专家上门服务', 'the farmer follows visits but does not ask for them')
    assertRedirect(await submitForm(client, `${link}/close`, { rating: '4', back: link }), link)
    ;(await client.get(link)).assertTextIncludes('已结案')
  })

  test('htmx: the close form answers with its closed state in place', async ({ client, assert }) => {
    const { consultation, reporter } = await caseWithParties()
    const fragment = await client.get(`/consultations/${consultation.id}/close`).header('HX-Request', 'true').loginAs(reporter)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), `id="close-form-${consultation.id}"`)

    const response = await client
      .post(`/consultations/${consultation.id}/close`)
      .header('HX-Request', 'true')
      .loginAs(reporter)
      .withCsrfToken()
      .form({ rating: '5' })
    response.assertStatus(200)
    assert.notInclude(response.text(), '<html')
    assert.include(response.text(), '已结案，感谢您的评价')
    assert.include(response.text(), '5 星')
    const closed = await fresh(consultation)
    assert.equal(closed.rating, 5)
    assert.isNull(closed.ratingComment)
  })

  test('a case the expert visited closes the same way', async ({ client, assert }) => {
    const { consultation, visit, expertUser, reporter } = await caseWithParties('visit_dispatched')
    await submitForm(client, `/consultations/${consultation.id}/visits/${visit.id}/outcome`, { outcome: '已现场指导', travel_cost: '20' }, expertUser)
    assert.equal((await fresh(consultation)).state, 'visited')
    assertRedirect(await submitForm(client, `/consultations/${consultation.id}/close`, { rating: '3' }, reporter), `/consultations/${consultation.id}/close`)
    assert.deepInclude((await eventsOf(consultation.id)).at(-1), { kind: 'closed', from_state: 'visited', to_state: 'closed' })
  })

  test('the farmer closes and rates through the SMS link, without an account', async ({ client, assert }) => {
    const { consultation } = await caseWithParties('answering', { farmerPhone: '13600000001' })
    const link = farmerLink(consultation.id)
    const page = await client.get(`${link}/close`)
    page.assertStatus(200)
    page.assertTextIncludes('结案并提交评价')
    assert.notInclude(page.text(), 'class="tabbar"')

    const response = await submitForm(client, `${link}/close`, { rating: '5', comment: '谢谢专家' })
    assertRedirect(response, `${link}/close`)
    const closed = await fresh(consultation)
    assert.equal(closed.state, 'closed')
    assert.equal(closed.rating, 5)
    const event = await db.from('experts_consultation_events').where({ consultation_id: consultation.id, kind: 'closed' }).firstOrFail()
    assert.equal(event.actor_role, 'farmer')
    assert.isNull(event.actor_id)
    ;(await client.get(`${link}/close`)).assertTextIncludes('已结案')
  })
})

test.group('Closing / permissions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('only the reporter or the farmer link closes: others get 404 and nothing changes', async ({ client, assert }) => {
    const { consultation, expertUser, expert } = await caseWithParties('answering', { farmerPhone: '13600000002' })
    const stranger = await createUser()
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    for (const user of [stranger, expertUser, staff]) {
      ;(await client.get(`/consultations/${consultation.id}/close`).loginAs(user)).assertStatus(404)
      ;(await submitForm(client, `/consultations/${consultation.id}/close`, { rating: '1' }, user)).assertStatus(404)
    }
    const expertToken = signCaseLink(Number(consultation.id), 'expert', Number(expert.id))
    ;(await submitForm(client, `/f/${consultation.id}/${expertToken}/close`, { rating: '1' })).assertStatus(404)
    const { consultation: other } = await caseWithParties()
    ;(await submitForm(client, `${farmerLink(other.id).replace(`/f/${other.id}/`, `/f/${consultation.id}/`)}/close`, { rating: '1' })).assertStatus(404)
    assertRedirect(await client.get(`/consultations/${consultation.id}/close`).redirects(0), '/login')
    const unchanged = await fresh(consultation)
    assert.equal(unchanged.state, 'answering')
    assert.isNull(unchanged.rating)
  })

  test('a case not yet answered, or already closed, cannot be closed', async ({ client, assert }) => {
    const { consultation, reporter } = await caseWithParties()
    await Consultation.query().where('id', consultation.id).update({ state: 'assigned' })
    const early = await submitForm(client, `/consultations/${consultation.id}/close`, { rating: '5' }, reporter)
    assert.include(fieldErrors(early, 'form'), '这个需求当前不能结案（专家解答后才能结案，已结案的不能重复结案）')
    assert.equal((await fresh(consultation)).state, 'assigned')
    ;(await client.get(`/consultations/${consultation.id}/close`).loginAs(reporter)).assertTextIncludes('专家解答后才能结案评价')

    await Consultation.query().where('id', consultation.id).update({ state: 'answering' })
    await submitForm(client, `/consultations/${consultation.id}/close`, { rating: '5' }, reporter)
    const twice = await submitForm(client, `/consultations/${consultation.id}/close`, { rating: '1' }, reporter)
    assert.isNotEmpty(fieldErrors(twice, 'form'))
    assert.equal((await fresh(consultation)).rating, 5)
    assert.equal((await eventsOf(consultation.id)).filter((event) => event.kind === 'closed').length, 1)
  })
})

test.group('Closing / bad input', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const cases: [string, Record<string, string>, string, string][] = [
    ['rating 0', { rating: '0' }, 'rating', '评分只能是 1～5 星'],
    ['rating 6', { rating: '6' }, 'rating', '评分只能是 1～5 星'],
    ['rating "abc"', { rating: 'abc' }, 'rating', '评分只能是 1～5 星'],
    ['rating 4.5', { rating: '4.5' }, 'rating', '评分只能是 1～5 星'],
    ['no rating', { comment: '还行' }, 'rating', '请选择 1～5 星评分'],
    ['a comment of 501 characters', { rating: '3', comment: '好'.repeat(501) }, 'comment', '评价不能超过 500 个字'],
  ]
  for (const [label, form, field, message] of cases) {
    test(`closing with ${label}: Chinese message, nothing stored`, async ({ client, assert }) => {
      const { consultation, reporter, expert } = await caseWithParties()
      const response = await submitForm(client, `/consultations/${consultation.id}/close`, form, reporter)
      response.assertStatus(302)
      assert.include(fieldErrors(response, field), message)
      const unchanged = await fresh(consultation)
      assert.equal(unchanged.state, 'answering')
      assert.isNull(unchanged.rating)
      assert.isNull(unchanged.closedAt)
      assert.equal(await openCases(expert), 1)
    })
  }

  test('htmx: a bad rating comes back as a 422 into the form\'s error box', async ({ client, assert }) => {
    const { consultation } = await caseWithParties('answering', { farmerPhone: '13600000003' })
    const response = await client.post(`${farmerLink(consultation.id)}/close`).header('HX-Request', 'true').withCsrfToken().form({ rating: '6' })
    response.assertStatus(422)
    response.assertHeader('hx-retarget', `#close-errors-${consultation.id}`)
    response.assertTextIncludes('评分只能是 1～5 星')
    assert.equal((await fresh(consultation)).state, 'answering')
  })
})

test.group('Closing / automatic after 7 days of silence', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('runs every 10 minutes', async ({ assert }) => {
    assert.deepInclude(scheduleDefinitions(), { job: AUTO_CLOSE, everySeconds: 600, payload: {} })
  })

  test('a case answered and silent for 7 days closes itself, unrated; the farmer is texted; a second run changes nothing', async ({ assert }) => {
    const { consultation, expert, reporter } = await caseWithParties('answering', { farmerPhone: '13600000004' })
    const { consultation: ownCase, reporter: ownReporter } = await caseWithParties()

    clock.travel(7 * DAY - MINUTE)
    assert.equal(await sweepSilentConsultations(), 0, 'not a minute early')
    assert.equal((await fresh(consultation)).state, 'answering')

    clock.travel(2 * MINUTE)
    assert.equal(await sweepSilentConsultations(), 2)
    const closed = await fresh(consultation)
    assert.equal(closed.state, 'closed')
    assert.isNull(closed.rating)
    assert.closeTo(closed.closedAt!.toMillis(), Date.now() + 7 * DAY + MINUTE, 2000, 'closed at the platform clock, not the wall clock')
    assert.equal(closed.followupDueAt!.toMillis() - closed.closedAt!.toMillis(), FOLLOWUP_WINDOW_MS)
    assert.equal(await openCases(expert), 0)
    assert.deepInclude((await eventsOf(consultation.id)).at(-1), { kind: 'auto_closed', from_state: 'answering', to_state: 'closed', actor_role: 'system' })
    assert.equal(Number((await db.from('notifications').where({ user_id: reporter.id, kind: 'experts.auto_closed' }).count('* as n').first()).n), 1)

    // The SMS job was queued in the closing transaction; running it queues the SMS.
    const jobs = await db.from(`${BOSS_SCHEMA}.job`).where('name', AUTO_CLOSED_SMS).select('data')
    assert.sameMembers(jobs.map((job) => Number(job.data.consultationId)), [Number(consultation.id), Number(ownCase.id)])
    const run = jobDefinition(AUTO_CLOSED_SMS).handler
    const signal = new AbortController().signal
    for (const job of jobs) await run(job.data, { id: 'test', attempt: 1, signal })
    const toFarmer = await SmsMessage.query().where('phone', '13600000004').where('template', 'consultation_auto_closed').firstOrFail()
    assert.equal(toFarmer.status, 'queued')
    assert.include(toFarmer.body!, String(consultation.id))
    assert.isNull(await SmsMessage.query().where('phone', reporter.phone).where('template', 'consultation_auto_closed').first(), 'the 信息员 is not texted when the farmer is')
    assert.isNotNull(await SmsMessage.query().where('phone', ownReporter.phone).where('template', 'consultation_auto_closed').first())

    const eventsBefore = (await eventsOf(consultation.id)).length
    assert.equal(await sweepSilentConsultations(), 0)
    assert.equal((await eventsOf(consultation.id)).length, eventsBefore)
    assert.equal(await openCases(expert), 0)
    assert.lengthOf(await db.from(`${BOSS_SCHEMA}.job`).where('name', AUTO_CLOSED_SMS), 2)
  })

  test('a message, a visit step or a later answer keeps a case open', async ({ client, assert }) => {
    const { consultation: talked } = await caseWithParties()
    const { consultation: visited, visit, expertUser } = await caseWithParties('visit_dispatched')
    clock.travel(5 * DAY)
    await Consultation.query().where('id', talked.id).update({ last_message_at: clock.now() })
    await submitForm(client, `/consultations/${visited.id}/visits/${visit.id}/outcome`, { outcome: '已现场指导', travel_cost: '15' }, expertUser)
    assert.equal((await fresh(visited)).state, 'visited')

    clock.travel(3 * DAY)
    assert.equal(await sweepSilentConsultations(), 0)
    assert.equal((await fresh(talked)).state, 'answering')
    assert.equal((await fresh(visited)).state, 'visited')

    clock.travel(5 * DAY)
    assert.equal(await sweepSilentConsultations(), 2)
    assert.equal((await fresh(visited)).state, 'closed')
    assert.deepInclude((await eventsOf(visited.id)).at(-1), { kind: 'auto_closed', from_state: 'visited' })
  })

  test('cases in other states are never auto-closed', async ({ assert }) => {
    const { consultation: dispatched } = await caseWithParties('visit_dispatched')
    const { consultation: assigned } = await caseWithParties()
    await Consultation.query().where('id', assigned.id).update({ state: 'assigned' })
    clock.travel(30 * DAY)
    assert.equal(await sweepSilentConsultations(), 0)
    assert.equal((await fresh(dispatched)).state, 'visit_dispatched')
    assert.equal((await fresh(assigned)).state, 'assigned')
  })
})
