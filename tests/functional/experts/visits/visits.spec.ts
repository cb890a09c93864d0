import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Consultation from '#modules/experts/models/consultation'
import Visit from '#modules/experts/models/visit'
import Expert from '#modules/experts/models/expert'
import SmsMessage from '#core/sms/sms_message'
import Notification from '#core/notifications/notification'
import { signCaseLink } from '#modules/experts/shared/case_links'
import { smallPhoto } from '#tests/fixtures/media/generate'
import { assertRedirect, createUser, fieldErrors, submitForm } from '#tests/helpers'
import {
  caseWithParties,
  dayFromToday,
  eventsOf,
} from '#tests/fixtures/experts/visits'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { staffOf } from '#tests/fixtures/experts/consultations'

/** Lucid hands bigint ids over as strings; the link signs numbers. */
const expertLink = (consultationId: number, expertId: number) =>
  `/l/${consultationId}/${signCaseLink(Number(consultationId), 'expert', Number(expertId))}`

function htmx(client: any, url: string, form: Record<string, string>, user?: any) {
  const request = client.post(url).header('HX-Request', 'true').withCsrfToken().form(form)
  return user ? request.loginAs(user) : request
}

/** The outcome form as a phone sends it (multipart): signed in or by link, with or without htmx. */
function postOutcome(
  client: any,
  url: string,
  fields: { outcome: string; travel_cost: string },
  options: { user?: any; photos?: { bytes: Buffer; filename: string }[]; htmx?: boolean } = {}
) {
  let request = client.post(url).withCsrfToken().field('outcome', fields.outcome).field('travel_cost', fields.travel_cost)
  request = options.htmx ? request.header('HX-Request', 'true') : request.header('accept', 'text/html').redirects(0)
  if (options.user) request = request.loginAs(options.user)
  for (const photo of options.photos ?? []) request = request.file('photos', photo.bytes, { filename: photo.filename })
  return request
}

async function state(consultation: Consultation) {
  return (await Consultation.findOrFail(consultation.id)).state
}

async function count(table: string, where: Record<string, unknown> = {}) {
  return Number((await db.from(table).where(where).count('* as n').first()).n)
}

test.group('Visits / request, dispatch, outcome, cost', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the reporter asks for a visit from an answered case (no-JS post); the expert and the county centre are told', async ({ client, assert }) => {
    const { consultation, reporter, expertUser, staff } = await caseWithParties()
    const back = `/consultations/${consultation.id}`
    const response = await submitForm(client, `/consultations/${consultation.id}/visits`, { reason: '照片看不清，需要专家到田里看根部', back }, reporter)
    assertRedirect(response, back)

    assert.equal(await state(consultation), 'visit_requested')
    const visit = await Visit.findByOrFail('consultationId', consultation.id)
    assert.equal(visit.status, 'requested')
    assert.equal(visit.requestedByRole, 'reporter')
    assert.equal(visit.reason, '照片看不清，需要专家到田里看根部')
    const last = (await eventsOf(consultation.id)).at(-1)
    assert.deepInclude(last, { kind: 'visit_requested', from_state: 'answering', to_state: 'visit_requested', actor_role: 'reporter' })
    assert.equal(await count('notifications', { user_id: expertUser.id, kind: 'experts.visit_requested' }), 1)
    const toStaff = await Notification.findByOrFail('userId', staff.id)
    assert.equal(toStaff.link, `/admin/visits/${visit.id}`)
  })

  test('the visit page and its htmx fragment show the panel and the request form', async ({ client, assert }) => {
    const { consultation, reporter } = await caseWithParties()
    const page = await client.get(`/consultations/${consultation.id}/visits`).loginAs(reporter)
    page.assertStatus(200)
    page.assertTextIncludes('<html')
    page.assertTextIncludes('申请专家上门服务')
    page.assertTextIncludes('还没有上门服务')

    const fragment = await client.get(`/consultations/${consultation.id}/visits`).header('HX-Request', 'true').loginAs(reporter)
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), `id="visit-panel-${consultation.id}"`)
    assert.include(fragment.header('vary'), 'HX-Request')
  })

  test('the expert\'s SMS link page and 我的案件 carry the visit panel with the request form', async ({ client }) => {
    const { consultation, expert, expertUser } = await caseWithParties()
    const link = expertLink(consultation.id, expert.id)
    const linkPage = await client.get(link)
    linkPage.assertStatus(200)
    linkPage.assertTextIncludes(`action="${link}/visits"`)
    linkPage.assertTextIncludes(`name="back" value="${link}"`)
    const myCase = await client.get(`/expert/cases/${consultation.id}`).loginAs(expertUser)
    myCase.assertStatus(200)
    myCase.assertTextIncludes(`action="/consultations/${consultation.id}/visits"`)
  })

  test('htmx: a request swaps the panel in place with its status', async ({ client, assert }) => {
    const { consultation, reporter } = await caseWithParties()
    const response = await htmx(client, `/consultations/${consultation.id}/visits`, { reason: '需要现场查看土壤' }, reporter)
    response.assertStatus(200)
    assert.notInclude(response.text(), '<html')
    assert.include(response.text(), '已提交上门服务申请')
    assert.include(response.text(), '待安排')
    assert.notInclude(response.text(), 'name="reason"', 'no second request while one is under way')
    assert.equal(await state(consultation), 'visit_requested')
  })

  test('the assigned expert asks for a visit from the SMS link page, without an account', async ({ client, assert }) => {
    const { consultation, expert, expertUser } = await caseWithParties()
    const link = expertLink(consultation.id, expert.id)
    const page = await client.get(`${link}/visits`)
    page.assertStatus(200)
    page.assertTextIncludes('申请专家上门服务')
    assert.notInclude(page.text(), 'class="tabbar"', 'the link page has no navigation')

    const response = await submitForm(client, `${link}/visits`, { reason: '需要到现场看病株' })
    assertRedirect(response, `${link}/visits`)
    const visit = await Visit.findByOrFail('consultationId', consultation.id)
    assert.equal(visit.requestedByRole, 'expert')
    assert.equal(Number(visit.requestedById), expertUser.id)
    assert.equal(await state(consultation), 'visit_requested')
  })

  test('county staff dispatch from their list: the expert is texted a signed link that opens the visit', async ({ client, assert }) => {
    const { consultation, visit, staff, expert, expertUser, reporter } = await caseWithParties('visit_requested')
    ;(await client.get('/').loginAs(staff)).assertTextIncludes('href="/admin/visits"')
    const list = await client.get('/admin/visits').loginAs(staff)
    list.assertStatus(200)
    list.assertTextIncludes(`/admin/visits/${visit.id}`)

    const page = await client.get(`/admin/visits/${visit.id}`).loginAs(staff)
    page.assertStatus(200)
    page.assertTextIncludes('派专家上门')
    page.assertTextIncludes(`value="${expert.id}"`)

    const day = dayFromToday(2)
    const response = await submitForm(client, `/admin/visits/${visit.id}/dispatch`, { expert_id: String(expert.id), scheduled_on: day, place: '红砂村 3 组王家田' }, staff)
    assertRedirect(response, `/admin/visits/${visit.id}`)

    await visit.refresh()
    assert.equal(visit.status, 'dispatched')
    assert.equal(visit.scheduledOn!.toISODate(), day)
    assert.equal(visit.place, '红砂村 3 组王家田')
    assert.equal(Number(visit.dispatchedById), staff.id)
    assert.equal(await state(consultation), 'visit_dispatched')
    assert.deepInclude((await eventsOf(consultation.id)).at(-1), { kind: 'visit_dispatched', to_state: 'visit_dispatched', actor_role: 'staff' })
    assert.equal(await count('notifications', { user_id: reporter.id, kind: 'experts.visit_dispatched' }), 1)

    const sms = await SmsMessage.query().where('phone', expertUser.phone).firstOrFail()
    assert.equal(sms.template, 'expert_visit_dispatched')
    assert.equal(sms.status, 'queued')
    assert.include(sms.body!, day)
    const path = /https?:\/\/[^/]+(\/l\/\d+\/\S+\/visits)/.exec(sms.body!)![1]
    const opened = await client.get(path)
    opened.assertStatus(200)
    opened.assertTextIncludes('记录上门服务结果')
  })

  test('htmx: dispatch answers with the visit fragment', async ({ client, assert }) => {
    const { visit, staff, expert } = await caseWithParties('visit_requested')
    const response = await htmx(client, `/admin/visits/${visit.id}/dispatch`, { expert_id: String(expert.id), scheduled_on: dayFromToday(0), place: '红砂村 3 组' }, staff)
    response.assertStatus(200)
    assert.notInclude(response.text(), '<html')
    assert.include(response.text(), 'id="visit-detail"')
    assert.include(response.text(), '已派专家上门')
    assert.include(response.text(), '确认改期')
  })

  test('the expert records the outcome with a photo; the cost is kept in fen; the reporter sees the photo', async ({ client, assert }) => {
    const { consultation, visit, expertUser, reporter, staff } = await caseWithParties('visit_dispatched')
    const response = await postOutcome(
      client,
      `/consultations/${consultation.id}/visits/${visit.id}/outcome`,
      { outcome: '现场确认为稻瘟病，指导喷施三环唑，7 天后复查', travel_cost: '35.5' },
      { user: expertUser, photos: [{ bytes: await smallPhoto(), filename: 'field.jpg' }] }
    )
    assertRedirect(response, `/consultations/${consultation.id}/visits`)

    await visit.refresh()
    assert.equal(visit.status, 'visited')
    assert.strictEqual(visit.travelCostFen, 3550)
    assert.include(visit.outcome!, '稻瘟病')
    assert.equal(await state(consultation), 'visited')
    assert.deepInclude((await eventsOf(consultation.id)).at(-1), { kind: 'visited', from_state: 'visit_dispatched', to_state: 'visited', actor_role: 'expert' })
    assert.equal(await count('notifications', { user_id: reporter.id, kind: 'experts.visited' }), 1)
    assert.equal(await count('notifications', { user_id: staff.id, kind: 'experts.visit_cost' }), 1)

    const photo = await db.from('experts_visit_media as vm').join('media as m', 'm.id', 'vm.media_id').where('vm.visit_id', visit.id).firstOrFail()
    assert.equal(photo.visibility, 'private')
    assert.equal(photo.subject_type, 'experts.visit')
    const panel = await client.get(`/consultations/${consultation.id}/visits`).loginAs(reporter)
    panel.assertTextIncludes(`/media/${photo.public_id}/thumb`)
    panel.assertTextIncludes('35.50 元')
    ;(await client.get(`/media/${photo.public_id}/thumb`).loginAs(reporter)).assertStatus(200)
    const stranger = await createUser()
    ;(await client.get(`/media/${photo.public_id}/thumb`).loginAs(stranger)).assertStatus(404)
  })

  test('the expert records the outcome from the SMS link (htmx), without an account', async ({ client, assert }) => {
    const { consultation, visit, expert } = await caseWithParties('visit_dispatched')
    const link = expertLink(consultation.id, expert.id)
    const response = await postOutcome(client, `${link}/visits/${visit.id}/outcome`, { outcome: '现场查看后指导用药', travel_cost: '0' }, { htmx: true })
    response.assertStatus(200)
    assert.notInclude(response.text(), '<html')
    assert.include(response.text(), '上门服务结果已记录')
    await visit.refresh()
    assert.strictEqual(visit.travelCostFen, 0)
    assert.equal(visit.status, 'visited')
  })

  test('the centre confirms the travel cost once', async ({ client, assert }) => {
    const { consultation, visit, expertUser, staff } = await caseWithParties('visit_dispatched')
    await submitForm(client, `/consultations/${consultation.id}/visits/${visit.id}/outcome`, { outcome: '已现场指导', travel_cost: '120' }, expertUser)
    const page = await client.get(`/admin/visits/${visit.id}`).loginAs(staff)
    page.assertTextIncludes('专家填报的交通费为 120.00 元')

    assertRedirect(await submitForm(client, `/admin/visits/${visit.id}/confirm-cost`, {}, staff), `/admin/visits/${visit.id}`)
    await visit.refresh()
    assert.equal(Number(visit.costConfirmedById), staff.id)
    assert.isNotNull(visit.costConfirmedAt)
    assert.strictEqual(visit.travelCostFen, 12000)
    assert.deepInclude((await eventsOf(consultation.id)).at(-1), { kind: 'visit_cost_confirmed', to_state: 'visited' })
    assert.equal(await count('notifications', { user_id: expertUser.id, kind: 'experts.visit_cost_confirmed' }), 1)

    const again = await submitForm(client, `/admin/visits/${visit.id}/confirm-cost`, {}, staff)
    assert.include(fieldErrors(again, 'form'), '这笔交通费已确认或还不能确认')
    assert.equal((await eventsOf(consultation.id)).filter((event) => event.kind === 'visit_cost_confirmed').length, 1)
  })

  test('reschedule with a reason: the new day and place, the reason in the history, the expert texted', async ({ client, assert }) => {
    const { consultation, visit, staff, expertUser } = await caseWithParties('visit_dispatched')
    const day = dayFromToday(5)
    const response = await submitForm(client, `/admin/visits/${visit.id}/reschedule`, { scheduled_on: day, place: '红砂村村委会', reason: '下雨，田里进不去' }, staff)
    assertRedirect(response, `/admin/visits/${visit.id}`)
    await visit.refresh()
    assert.equal(visit.scheduledOn!.toISODate(), day)
    assert.equal(visit.place, '红砂村村委会')
    assert.equal(visit.rescheduleReason, '下雨，田里进不去')
    assert.equal(visit.rescheduleCount, 1)
    assert.equal(await state(consultation), 'visit_dispatched')
    assert.deepInclude((await eventsOf(consultation.id)).at(-1), { kind: 'visit_rescheduled', reason: '下雨，田里进不去' })
    const sms = await SmsMessage.query().where('phone', expertUser.phone).where('template', 'expert_visit_rescheduled').firstOrFail()
    assert.include(sms.body!, day)
  })

  test('cancel with a reason after a confirmation page: the case goes back to answering', async ({ client, assert }) => {
    const { consultation, visit, staff, reporter, expertUser } = await caseWithParties('visit_dispatched')
    const confirm = await client.get(`/admin/visits/${visit.id}/cancel`).loginAs(staff)
    confirm.assertStatus(200)
    confirm.assertTextIncludes('确认取消')

    const response = await submitForm(client, `/admin/visits/${visit.id}/cancel`, { reason: '农户电话告知问题已解决' }, staff)
    assertRedirect(response, `/admin/visits/${visit.id}`)
    await visit.refresh()
    assert.equal(visit.status, 'cancelled')
    assert.equal(visit.cancelReason, '农户电话告知问题已解决')
    assert.equal(Number(visit.cancelledById), staff.id)
    assert.equal(await state(consultation), 'answering')
    assert.deepInclude((await eventsOf(consultation.id)).at(-1), { kind: 'visit_cancelled', from_state: 'visit_dispatched', to_state: 'answering', reason: '农户电话告知问题已解决' })
    assert.equal(await count('notifications', { user_id: reporter.id, kind: 'experts.visit_cancelled' }), 1)
    assert.equal(await count('notifications', { user_id: expertUser.id, kind: 'experts.visit_cancelled' }), 1)

    // The case may ask again.
    assertRedirect(await submitForm(client, `/consultations/${consultation.id}/visits`, { reason: '还是需要上门' }, reporter), `/consultations/${consultation.id}/visits`)
    assert.equal(await count('experts_visits', { consultation_id: consultation.id }), 2)
  })

  test('the list is paginated, filtered by status, with an empty state', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const empty = await client.get('/admin/visits').loginAs(staff)
    empty.assertStatus(200)
    empty.assertTextIncludes('没有这个状态的上门服务申请')

    const { visit } = await caseWithParties('visit_requested')
    const rows = Array.from({ length: 21 }, (_, i) => ({
      consultation_id: visit.consultationId,
      county_code: '510104',
      requested_by_id: visit.requestedById,
      requested_by_role: 'reporter',
      reason: `旧申请 ${i}`,
      status: 'cancelled',
      created_at: new Date(),
      updated_at: new Date(),
    }))
    await db.table('experts_visits').insert(rows)
    const cancelled = await client.get('/admin/visits?status=cancelled').loginAs(staff)
    cancelled.assertTextIncludes('第 1 / 2 页')
    assert.notInclude(cancelled.text(), `/admin/visits/${visit.id}"`)
    const fragment = await client.get('/admin/visits?status=cancelled&page=2').header('HX-Request', 'true').loginAs(staff)
    assert.notInclude(fragment.text(), '<html')
    fragment.assertTextIncludes('第 2 / 2 页')
  })
})

test.group('Visits / permissions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('staff of 510104 get 404 for a 510105 visit and do not see it listed; city staff of 5101 dispatch it', async ({ client, assert }) => {
    const { visit, expert } = await caseWithParties('visit_requested', { county: '510105' })
    const county = await staffOf('510104')
    ;(await client.get(`/admin/visits/${visit.id}`).loginAs(county)).assertStatus(404)
    const refused = await submitForm(client, `/admin/visits/${visit.id}/dispatch`, { expert_id: String(expert.id), scheduled_on: dayFromToday(1), place: '某村' }, county)
    refused.assertStatus(404)
    ;(await submitForm(client, `/admin/visits/${visit.id}/cancel`, { reason: '不该能取消' }, county)).assertStatus(404)
    const list = await client.get('/admin/visits').loginAs(county)
    assert.notInclude(list.text(), `/admin/visits/${visit.id}"`)
    await visit.refresh()
    assert.equal(visit.status, 'requested')

    const city = await staffOf('5101')
    assert.include((await client.get('/admin/visits').loginAs(city)).text(), `/admin/visits/${visit.id}"`)
    const allowed = await submitForm(client, `/admin/visits/${visit.id}/dispatch`, { expert_id: String(expert.id), scheduled_on: dayFromToday(1), place: '某村' }, city)
    assertRedirect(allowed, `/admin/visits/${visit.id}`)
  })

  test('people without a staff role get 403 on the visit list', async ({ client }) => {
    const farmer = await createUser()
    ;(await client.get('/admin/visits').loginAs(farmer)).assertStatus(403)
  })

  test('someone with no part in the case gets 404 and stores nothing; signed out goes to login', async ({ client, assert }) => {
    const { consultation } = await caseWithParties()
    const stranger = await createUser({ roles: ['info_officer'] })
    ;(await client.get(`/consultations/${consultation.id}/visits`).loginAs(stranger)).assertStatus(404)
    ;(await submitForm(client, `/consultations/${consultation.id}/visits`, { reason: '想看看' }, stranger)).assertStatus(404)
    const { user: otherExpert } = await makeExpert({ name: '李专家' })
    ;(await submitForm(client, `/consultations/${consultation.id}/visits`, { reason: '我也来' }, otherExpert)).assertStatus(404)
    assertRedirect(await client.get(`/consultations/${consultation.id}/visits`).redirects(0), '/login')
    assert.equal(await count('experts_visits'), 0)
    assert.equal(await state(consultation), 'answering')
  })

  test('only the expert sent records an outcome: the reporter and another expert get 404', async ({ client, assert }) => {
    const { consultation, visit, reporter } = await caseWithParties('visit_dispatched')
    const { user: otherExpert, expert: other } = await makeExpert({ name: '李专家' })
    const form = { outcome: '伪造的结果', travel_cost: '10' }
    ;(await submitForm(client, `/consultations/${consultation.id}/visits/${visit.id}/outcome`, form, reporter)).assertStatus(404)
    ;(await submitForm(client, `/consultations/${consultation.id}/visits/${visit.id}/outcome`, form, otherExpert)).assertStatus(404)
    ;(await submitForm(client, `${expertLink(consultation.id, other.id)}/visits/${visit.id}/outcome`, form)).assertStatus(404)
    await visit.refresh()
    assert.equal(visit.status, 'dispatched')
    assert.isNull(visit.outcome)
  })

  test('a tampered, foreign or farmer link is refused', async ({ client, assert }) => {
    const { consultation, expert } = await caseWithParties()
    const { consultation: other } = await caseWithParties()
    const good = signCaseLink(Number(consultation.id), 'expert', Number(expert.id))
    const tampered = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A')
    ;(await client.get(`/l/${consultation.id}/${tampered}/visits`)).assertStatus(404)
    ;(await client.get(`/l/${other.id}/${good}/visits`)).assertStatus(404)
    const farmer = signCaseLink(Number(consultation.id), 'farmer', 0)
    ;(await submitForm(client, `/l/${consultation.id}/${farmer}/visits`, { reason: '农户想申请' })).assertStatus(404)
    assert.equal(await count('experts_visits'), 0)
  })

  test('a dispatched expert who is not the assignee opens the visit from the link', async ({ client, assert }) => {
    const { visit, staff, consultation } = await caseWithParties('visit_requested')
    const { expert: neighbour } = await makeExpert({ name: '邻县专家' })
    await submitForm(client, `/admin/visits/${visit.id}/dispatch`, { expert_id: String(neighbour.id), scheduled_on: dayFromToday(1), place: '某村' }, staff)
    const page = await client.get(`${expertLink(consultation.id, neighbour.id)}/visits`)
    page.assertStatus(200)
    page.assertTextIncludes('记录上门服务结果')
    assert.equal(Number((await Visit.findOrFail(visit.id)).expertId), neighbour.id)
  })
})

test.group('Visits / bad input', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a request without a reason: Chinese message, nothing stored', async ({ client, assert }) => {
    const { consultation, reporter } = await caseWithParties()
    const response = await submitForm(client, `/consultations/${consultation.id}/visits`, { reason: '' }, reporter)
    response.assertStatus(302)
    assert.include(fieldErrors(response, 'reason'), '请填写原因')
    assert.equal(await count('experts_visits'), 0)
    assert.equal(await state(consultation), 'answering')

    const fragment = await htmx(client, `/consultations/${consultation.id}/visits`, {}, reporter)
    fragment.assertStatus(422)
    fragment.assertHeader('hx-retarget', `#visit-request-errors-${consultation.id}`)
    fragment.assertTextIncludes('请填写原因')
  })

  test('a request on a case that is not being answered is refused', async ({ client, assert }) => {
    const { consultation, reporter } = await caseWithParties('visit_requested')
    const response = await submitForm(client, `/consultations/${consultation.id}/visits`, { reason: '再申请一次' }, reporter)
    assert.include(fieldErrors(response, 'form'), '只有专家解答中的需求才能申请上门服务')
    assert.equal(await count('experts_visits'), 1)
  })

  const dispatchCases: [string, (expertId: number) => Record<string, string>, string, string][] = [
    ['a date in the past', (id) => ({ expert_id: String(id), scheduled_on: dayFromToday(-1), place: '红砂村' }), 'scheduled_on', '上门日期不能早于今天'],
    ['a date that does not exist', (id) => ({ expert_id: String(id), scheduled_on: '2031-02-30', place: '红砂村' }), 'scheduled_on', '上门日期不存在，请重新选择'],
    ['a date as text', (id) => ({ expert_id: String(id), scheduled_on: '明天', place: '红砂村' }), 'scheduled_on', '请按“年-月-日”选择上门日期，如 2026-05-01'],
    ['no place', (id) => ({ expert_id: String(id), scheduled_on: dayFromToday(1), place: '' }), 'place', '请填写上门地点'],
    ['no expert', () => ({ scheduled_on: dayFromToday(1), place: '红砂村' }), 'expert_id', '请选择上门专家'],
  ]
  for (const [label, form, field, message] of dispatchCases) {
    test(`dispatch with ${label}: Chinese message, nothing stored, no SMS`, async ({ client, assert }) => {
      const { visit, staff, expert, consultation } = await caseWithParties('visit_requested')
      const response = await submitForm(client, `/admin/visits/${visit.id}/dispatch`, form(expert.id), staff)
      response.assertStatus(302)
      assert.include(fieldErrors(response, field), message)
      await visit.refresh()
      assert.equal(visit.status, 'requested')
      assert.isNull(visit.scheduledOn)
      assert.equal(await state(consultation), 'visit_requested')
      assert.equal(await count('sms_messages', { template: 'expert_visit_dispatched' }), 0)
    })
  }

  test('dispatch of an expert outside the list (another city, or unverified) is refused', async ({ client, assert }) => {
    const { visit, staff } = await caseWithParties('visit_requested')
    const { expert: far } = await makeExpert({ name: '广安专家', county: '511623' })
    const response = await submitForm(client, `/admin/visits/${visit.id}/dispatch`, { expert_id: String(far.id), scheduled_on: dayFromToday(1), place: '红砂村' }, staff)
    assert.include(fieldErrors(response, 'expert_id'), '请从列表中选择一位已认证的专家')
    const { expert: pending } = await makeExpert({ name: '待审专家' })
    await Expert.query().where('id', pending.id).update({ status: 'pending' })
    const again = await submitForm(client, `/admin/visits/${visit.id}/dispatch`, { expert_id: String(pending.id), scheduled_on: dayFromToday(1), place: '红砂村' }, staff)
    assert.include(fieldErrors(again, 'expert_id'), '请从列表中选择一位已认证的专家')
    assert.equal((await Visit.findOrFail(visit.id)).status, 'requested')
  })

  for (const cost of ['-1', '12元a', '', '1.234', '１２']) {
    test(`an outcome with the travel cost "${cost}": Chinese message, nothing stored`, async ({ client, assert }) => {
      const { consultation, visit, expertUser } = await caseWithParties('visit_dispatched')
      const response = await postOutcome(
        client,
        `/consultations/${consultation.id}/visits/${visit.id}/outcome`,
        { outcome: '已现场指导', travel_cost: cost },
        { user: expertUser, photos: [{ bytes: await smallPhoto(), filename: 'field.jpg' }] }
      )
      response.assertStatus(302)
      const expected = cost === '' ? '请填写交通费，没有费用填 0' : '交通费请填写金额（元），如 35 或 35.50，不能是负数，也不能带文字'
      assert.include(fieldErrors(response, 'travel_cost'), expected)
      await visit.refresh()
      assert.equal(visit.status, 'dispatched')
      assert.isNull(visit.travelCostFen)
      assert.equal(await count('experts_visit_media'), 0)
      assert.equal(await count('media'), 0)
      assert.equal(await state(consultation), 'visit_dispatched')
    })
  }

  test('an outcome with a file that is not a photo: message on the field, nothing stored', async ({ client, assert }) => {
    const { consultation, visit, expertUser } = await caseWithParties('visit_dispatched')
    const response = await postOutcome(
      client,
      `/consultations/${consultation.id}/visits/${visit.id}/outcome`,
      { outcome: '已现场指导', travel_cost: '10' },
      { user: expertUser, htmx: true, photos: [{ bytes: Buffer.from('%PDF-1.4 not a photo'), filename: 'report.jpg' }] }
    )
    response.assertStatus(422)
    response.assertTextIncludes('只能上传照片')
    assert.equal((await Visit.findOrFail(visit.id)).status, 'dispatched')
    assert.equal(await count('media'), 0)
  })

  test('an outcome with 10 photos: Chinese message, nothing stored', async ({ client, assert }) => {
    const { consultation, visit, expertUser } = await caseWithParties('visit_dispatched')
    const photo = { bytes: await smallPhoto(), filename: 'field.jpg' }
    const response = await postOutcome(
      client,
      `/consultations/${consultation.id}/visits/${visit.id}/outcome`,
      { outcome: '已现场指导', travel_cost: '10' },
      { user: expertUser, photos: Array.from({ length: 10 }, () => photo) }
    )
    assert.include(fieldErrors(response, 'photos'), '现场照片最多 9 张')
    assert.equal((await Visit.findOrFail(visit.id)).status, 'dispatched')
    assert.equal(await count('media'), 0)
  })

  test('reschedule and cancel without a reason: Chinese message, nothing changed', async ({ client, assert }) => {
    const { consultation, visit, staff } = await caseWithParties('visit_dispatched')
    const reschedule = await submitForm(client, `/admin/visits/${visit.id}/reschedule`, { scheduled_on: dayFromToday(3), place: '村委会', reason: '' }, staff)
    assert.include(fieldErrors(reschedule, 'reason'), '请填写原因')
    const cancel = await submitForm(client, `/admin/visits/${visit.id}/cancel`, { reason: '' }, staff)
    assert.include(fieldErrors(cancel, 'reason'), '请填写原因')
    await visit.refresh()
    assert.equal(visit.status, 'dispatched')
    assert.equal(visit.rescheduleCount, 0)
    assert.equal(await state(consultation), 'visit_dispatched')
  })

  test('reschedule to a past date is refused', async ({ client, assert }) => {
    const { visit, staff } = await caseWithParties('visit_dispatched')
    const before = visit.scheduledOn!.toISODate()
    const response = await submitForm(client, `/admin/visits/${visit.id}/reschedule`, { scheduled_on: dayFromToday(-3), place: '村委会', reason: '改期' }, staff)
    assert.include(fieldErrors(response, 'scheduled_on'), '上门日期不能早于今天')
    assert.equal((await Visit.findOrFail(visit.id)).scheduledOn!.toISODate(), before)
  })
})
