import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { HOUR, MINUTE, clock } from '#core/clock'
import { assertRedirect, createUser, fieldErrors, submitForm } from '#tests/helpers'
import Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import { ASSIGNMENT_SMS_JOB } from '#modules/experts/triage/assign_expert'
import { runTriage } from '#modules/experts/triage/jobs'
import { eventsOf, queuedJobs } from '#tests/fixtures/experts/triage'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { makeCase, staffOf } from '#tests/fixtures/experts/consultations'


/** The board's case ids, top to bottom. */
const boardIds = (html: string) => [...html.matchAll(/<a href="\/triage\/(\d+)">/g)].map((match) => Number(match[1]))

function htmxAssign(client: any, id: number, form: Record<string, string>, user: any) {
  return client.post(`/triage/${id}/assign`).header('HX-Request', 'true').withCsrfToken().form(form).loginAs(user)
}

test.group('Triage board / the list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('county staff see their county’s cases waiting for triage or for the expert, most urgent first, overdue marked', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const { expert } = await makeExpert()
    const waiting = await makeCase({ state: 'awaiting_triage', text: '本县等待分诊的案件，水稻纹枯病怎么治？' })
    const overdue = await makeCase({ state: 'awaiting_triage', text: '本县专家超时未响应的案件，小麦条锈病？' })
    await runTriage({ consultationId: overdue.id })
    await makeCase({ state: 'awaiting_triage', county: '510105', text: '青羊区的案件，不应出现在锦江区的分诊台' })
    const answered = await makeCase({ state: 'awaiting_triage', text: '已解答的案件，不在分诊台' })
    await Consultation.query().where('id', answered.id).update({ state: 'answering', expert_id: expert.id })

    clock.travel(3 * HOUR + 5 * MINUTE)
    const page = await client.get('/triage').loginAs(staff)
    page.assertStatus(200)
    const html = page.text()
    assert.deepEqual(boardIds(html), [Number(waiting.id), Number(overdue.id)], 'the earliest deadline first')
    assert.include(html, '响应已超时 0 小时 5 分')
    assert.include(html, '分诊已超时 2 小时 5 分')
    assert.include(html, 'class="overdue"')
    assert.include(html, `专家：${expert.user.name}`)
    assert.notInclude(html, '青羊区的案件')
    assert.notInclude(html, '已解答的案件')

    const fragment = await client.get('/triage').header('HX-Request', 'true').loginAs(staff)
    assert.notInclude(fragment.text(), '<html')
    assert.match(fragment.text(), /^\s*(\{\{--.*?--\}\})?\s*<div id="triage-board">/s)
    assert.include(fragment.header('vary'), 'HX-Request')
  })

  test('a city admin sees every county of the city; people without a centre role get 403', async ({ client, assert }) => {
    const admin = await staffOf('5101', 'center_admin')
    const a = await makeCase({ state: 'awaiting_triage', county: '510104' })
    const b = await makeCase({ state: 'awaiting_triage', county: '510105' })
    const c = await makeCase({ state: 'awaiting_triage', county: '511623' })
    const ids = boardIds((await client.get('/triage').loginAs(admin)).text())
    assert.sameMembers(ids, [Number(a.id), Number(b.id)])
    assert.notInclude(ids, Number(c.id))

    ;(await client.get('/triage').loginAs(await createUser({ roles: ['expert'] }))).assertStatus(403)
    assertRedirect(await client.get('/triage').redirects(0), '/login')
  })

  test('the home page leads centre staff to the board and experts to 我的案件, nobody else', async ({ client, assert }) => {
    const staffHome = (await client.get('/').loginAs(await staffOf('510104'))).text()
    assert.include(staffHome, 'href="/triage"')
    assert.notInclude(staffHome, 'href="/expert/cases"')
    const expertHome = (await client.get('/').loginAs((await makeExpert()).user)).text()
    assert.include(expertHome, 'href="/expert/cases"')
    assert.notInclude(expertHome, 'href="/triage"')
    const farmerHome = (await client.get('/').loginAs(await createUser())).text()
    assert.notInclude(farmerHome, 'href="/triage"')
    assert.notInclude(farmerHome, 'href="/expert/cases"')
  })

  test('an empty board says so', async ({ client }) => {
    const page = await client.get('/triage').loginAs(await staffOf('510104'))
    page.assertTextIncludes('没有等待分诊或等待专家响应的案件。')
  })
})

test.group('Triage board / manual assignment', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('510104 staff can neither see nor reassign a 510105 case (404), and nothing changes', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const { expert } = await makeExpert({ county: '510105' })
    const foreign = await makeCase({ state: 'awaiting_triage', county: '510105', text: '青羊区的案件' })
    const history = await eventsOf(foreign)
    const page = await client.get(`/triage/${foreign.id}`).loginAs(staff)
    page.assertStatus(404)
    assert.notInclude(page.text(), '青羊区的案件')

    const response = await submitForm(client, `/triage/${foreign.id}/assign`, { expert_id: String(expert.id), reason: '越权指派' }, staff)
    response.assertStatus(404)
    const htmx = await htmxAssign(client, foreign.id, { expert_id: String(expert.id), reason: '越权指派' }, staff)
    htmx.assertStatus(404)
    await foreign.refresh()
    assert.equal(foreign.state, 'awaiting_triage')
    assert.isNull(foreign.expertId)
    assert.deepEqual(await eventsOf(foreign), history, 'no event written')
  })

  test('the picker offers only verified, available experts of the industry within reach, nearest ring first', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const { expert: county } = await makeExpert({ name: '本县专家', openCases: 4 })
    const { expert: city } = await makeExpert({ name: '本市专家', level: 'city', county: '510105' })
    const { expert: province } = await makeExpert({ name: '省级专家', level: 'province', county: '511623' })
    await makeExpert({ name: '他市县级专家', county: '511623' })
    await makeExpert({ name: '养猪专家', industries: ['pig'] })
    await makeExpert({ name: '待审核专家', status: 'pending' })
    await makeExpert({ name: '休假专家', awayUntil: DateTime.now().plus({ days: 3 }).toISODate() })
    await makeExpert({ name: '满额专家', maxOpenCases: 1, openCases: 1 })
    const consultation = await makeCase({ state: 'awaiting_triage' })

    const page = await client.get(`/triage/${consultation.id}`).loginAs(staff)
    page.assertStatus(200)
    const html = page.text()
    const names = [...html.matchAll(/<span>([^<·]+?) · /g)].map((match) => match[1].trim())
    assert.deepEqual(names, ['本县专家', '本市专家', '省级专家'])
    assert.include(html, `value="${county.id}"`)
    assert.include(html, '4/10')
    assert.notInclude(html, '他市县级专家')
    assert.isAbove(Number(city.id) + Number(province.id), 0)
  })

  test('assigning without JavaScript: the case, the reason with the person, the load and the SMS job', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const { expert } = await makeExpert({ name: '王专家' })
    const consultation = await makeCase({ state: 'awaiting_triage' })
    const history = await eventsOf(consultation)

    const response = await submitForm(client, `/triage/${consultation.id}/assign`, { expert_id: String(expert.id), reason: '报告人电话要求王专家' }, staff)
    assertRedirect(response, '/triage')
    response.assertFlashMessage('success', '已指派给 王专家')

    await consultation.refresh()
    assert.equal(consultation.state, 'assigned')
    assert.equal(Number(consultation.expertId), Number(expert.id))
    const [event] = (await eventsOf(consultation)).slice(history.length)
    assert.equal(event.kind, 'assigned')
    assert.equal(Number(event.actor_id), Number(staff.id))
    assert.equal(event.actor_role, 'center_staff')
    assert.equal(event.reason, '运管中心指派：报告人电话要求王专家')
    assert.equal((await Expert.findOrFail(expert.id)).openCases, 1)
    assert.lengthOf(await queuedJobs(ASSIGNMENT_SMS_JOB), 1)
  })

  test('reassigning with htmx: the panel comes back with the new expert, the old one’s place is given back', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const { expert: first } = await makeExpert({ name: '甲专家' })
    const consultation = await makeCase({ state: 'awaiting_triage' })
    await runTriage({ consultationId: consultation.id })
    const { expert: second } = await makeExpert({ name: '乙专家', level: 'city', county: '510105' })

    const response = await htmxAssign(client, consultation.id, { expert_id: String(second.id), reason: '甲专家电话联系不上' }, staff)
    response.assertStatus(200)
    assert.notInclude(response.text(), '<html')
    assert.include(response.text(), '<section id="assign-panel"')
    assert.include(response.text(), '已指派给 乙专家')
    assert.include(response.text(), '当前专家：乙专家')
    assert.include(response.text(), '运管中心指派：甲专家电话联系不上')

    await consultation.refresh()
    assert.equal(Number(consultation.expertId), Number(second.id))
    assert.equal(consultation.triageLevel, 'city')
    const last = (await eventsOf(consultation)).at(-1)
    assert.equal(last.kind, 'reassigned')
    assert.equal(last.from_state, 'assigned')
    assert.equal((await Expert.findOrFail(first.id)).openCases, 0)
    assert.equal((await Expert.findOrFail(second.id)).openCases, 1)
  })

  test('mistakes get a Chinese message next to the field; nothing is assigned', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const { expert: pigExpert } = await makeExpert({ industries: ['pig'] })
    const consultation = await makeCase({ state: 'awaiting_triage' })
    const history = await eventsOf(consultation)

    const none = await submitForm(client, `/triage/${consultation.id}/assign`, { reason: '' }, staff).header('referer', `/triage/${consultation.id}`)
    assertRedirect(none, `/triage/${consultation.id}`)
    assert.deepEqual(fieldErrors(none, 'expert_id'), ['请选择一位专家'])
    assert.deepEqual(fieldErrors(none, 'reason'), ['请填写原因'])

    const htmx = await htmxAssign(client, consultation.id, { reason: '试试' }, staff)
    htmx.assertStatus(422)
    htmx.assertHeader('hx-retarget', '#assign-errors')
    assert.include(htmx.text(), '请选择一位专家')

    const outOfReach = await htmxAssign(client, consultation.id, { expert_id: String(pigExpert.id), reason: '随便选一个' }, staff)
    outOfReach.assertStatus(422)
    assert.include(outOfReach.text(), '只能选择本案件产业')

    await consultation.refresh()
    assert.equal(consultation.state, 'awaiting_triage')
    assert.deepEqual(await eventsOf(consultation), history, 'no event written')
  })
})
