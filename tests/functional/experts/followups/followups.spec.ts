import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { clock, DAY } from '#core/clock'
import AuditEntry from '#core/audit/audit_entry'
import Consultation from '#modules/experts/models/consultation'
import ConsultationEvent from '#modules/experts/models/consultation_event'
import FollowupCall from '#modules/experts/models/followup_call'
import { assertRedirect, createUser, fieldErrors, submitForm } from '#tests/helpers'
import { makeCase, staffOf } from '#tests/fixtures/experts/consultations'

async function reporterIn(county = '510104') {
  return createUser({ county, roles: ['info_officer'], name: '李信息员' })
}

test.group('Follow-ups / queue', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('centre staff see the closed cases of their county by deadline, phones masked, overdue marked', async ({ client, assert }) => {
    const staff = await staffOf()
    const reporter = await reporterIn()
    const later = await makeCase({ reporter, state: 'closed', closedAt: new Date(clock.now().getTime() - 1 * DAY) })
    const sooner = await makeCase({ reporter, state: 'closed', closedAt: new Date(clock.now().getTime() - 3 * DAY) })
    const other = await makeCase({ reporter: await reporterIn('510105'), state: 'closed' })

    const response = await client.get('/admin/experts/followups').loginAs(staff)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<html')
    assert.isBelow(html.indexOf(`followup-${sooner.id}`), html.indexOf(`followup-${later.id}`), 'earliest deadline first')
    assert.notInclude(html, `followup-${other.id}"`, '510105 is not in the 510104 queue')
    assert.include(html, reporter.maskedPhone)
    assert.notInclude(html, reporter.phone)
    assert.notInclude(html, '已逾期')

    // Eight days after the older case closed its 7-day deadline has passed; the other has one left.
    clock.travel(5 * DAY + 60_000)
    const overdue = await client.get('/admin/experts/followups').loginAs(staff)
    assert.match(overdue.text(), new RegExp(`id="followup-${sooner.id}" class="overdue"`))
    assert.match(overdue.text(), new RegExp(`id="followup-${later.id}" class=""`))
  })

  test('htmx gets the list alone; pages hold 20 cases', async ({ client, assert }) => {
    const staff = await staffOf()
    const reporter = await reporterIn()
    for (let i = 0; i < 21; i++) await makeCase({ reporter, state: 'closed' })
    const fragment = await client.get('/admin/experts/followups').header('HX-Request', 'true').loginAs(staff)
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.equal(fragment.text().match(/<li id="followup-/g)?.length, 20)
    assert.include(fragment.text(), '第 1 / 2 页')
    const second = await client.get('/admin/experts/followups?page=2').header('HX-Request', 'true').loginAs(staff)
    assert.equal(second.text().match(/<li id="followup-/g)?.length, 1)
  })

  test('a city admin sees every county of the city; farmers and experts get 403', async ({ client, assert }) => {
    const admin = await createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '5101' } })
    const inside = await makeCase({ reporter: await reporterIn('510105'), state: 'closed' })
    const outside = await makeCase({ reporter: await reporterIn('511623'), state: 'closed' })
    const response = await client.get('/admin/experts/followups').loginAs(admin)
    assert.include(response.text(), `followup-${inside.id}"`)
    assert.notInclude(response.text(), `followup-${outside.id}"`)

    for (const role of ['farmer', 'expert', 'platform_admin'] as const) {
      const user = await createUser({ roles: [role], scopes: role === 'platform_admin' ? { platform_admin: '51' } : {} })
      ;(await client.get('/admin/experts/followups').loginAs(user)).assertStatus(403)
    }
    const guest = await client.get('/admin/experts/followups').redirects(0)
    assertRedirect(guest, '/login')
  })
})

test.group('Follow-ups / reveal the number', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the case page masks both numbers; "显示号码" reveals one and audits who, which case, when', async ({ client, assert }) => {
    const staff = await staffOf()
    const reporter = await reporterIn()
    const consultation = await makeCase({ reporter, state: 'closed', farmer: { name: '王大爷', phone: '13900000001' } })

    const page = await client.get(`/admin/experts/followups/${consultation.id}`).loginAs(staff)
    page.assertStatus(200)
    assert.include(page.text(), '139****0001')
    assert.include(page.text(), reporter.maskedPhone)
    assert.notInclude(page.text(), '13900000001')
    assert.notInclude(page.text(), reporter.phone)

    // htmx: just the number.
    const fragment = await client
      .post(`/admin/experts/followups/${consultation.id}/reveal`)
      .header('HX-Request', 'true')
      .withCsrfToken()
      .form({ owner: 'farmer' })
      .loginAs(staff)
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), 'tel:13900000001')
    assert.notInclude(fragment.text(), reporter.phone)

    // Without JavaScript: the page again, with the reporter's number shown.
    const noJs = await submitForm(client, `/admin/experts/followups/${consultation.id}/reveal`, { owner: 'reporter' }, staff)
    noJs.assertStatus(200)
    assert.include(noJs.text(), `tel:${reporter.phone}`)
    assert.include(noJs.text(), '139****0001', 'the other number stays masked')

    const entries = await AuditEntry.query().where('action', 'experts.phone_reveal').orderBy('id')
    assert.deepEqual(
      entries.map((entry) => [entry.actorId, entry.actorRole, entry.subjectType, entry.subjectId, entry.countyCode, entry.changes?.revealed.new]),
      [
        [staff.id, 'center_staff', 'experts.consultation', String(consultation.id), '510104', 'farmer'],
        [staff.id, 'center_staff', 'experts.consultation', String(consultation.id), '510104', 'reporter'],
      ]
    )
    assert.isNotNull(entries[0].createdAt)
  })

  test('a role that may not reveal gets 403, staff of another county 404; nothing revealed, nothing audited', async ({ client, assert }) => {
    const reporter = await reporterIn()
    const consultation = await makeCase({ reporter, state: 'closed' })
    const expert = await createUser({ roles: ['expert'] })
    const platformAdmin = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    for (const user of [expert, platformAdmin, reporter]) {
      const response = await submitForm(client, `/admin/experts/followups/${consultation.id}/reveal`, { owner: 'reporter' }, user)
      response.assertStatus(403)
      assert.notInclude(response.text(), reporter.phone)
    }
    const neighbour = await staffOf('510105')
    const hidden = await submitForm(client, `/admin/experts/followups/${consultation.id}/reveal`, { owner: 'reporter' }, neighbour)
    hidden.assertStatus(404)
    assert.notInclude(hidden.text(), reporter.phone)
    ;(await client.get(`/admin/experts/followups/${consultation.id}`).loginAs(neighbour)).assertStatus(404)
    assert.lengthOf(await AuditEntry.query().where('action', 'experts.phone_reveal'), 0)
  })

  test('a case without a farmer has no farmer number to reveal', async ({ client, assert }) => {
    const staff = await staffOf()
    const consultation = await makeCase({ reporter: await reporterIn(), state: 'closed' })
    const response = await submitForm(client, `/admin/experts/followups/${consultation.id}/reveal`, { owner: 'farmer' }, staff)
    response.assertStatus(404)
    assert.lengthOf(await AuditEntry.query().where('action', 'experts.phone_reveal'), 0)
  })
})

test.group('Follow-ups / recording the call', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('reached and valid: the case becomes followed_up with the ruling, and leaves the queue (no-JS)', async ({ client, assert }) => {
    const staff = await staffOf()
    const consultation = await makeCase({ reporter: await reporterIn(), state: 'closed' })
    const response = await submitForm(
      client,
      `/admin/experts/followups/${consultation.id}/calls`,
      { reached: 'yes', service_valid: 'valid', category: 'diagnosis', notes: '农户反映用药后已好转' },
      staff
    )
    assertRedirect(response, '/admin/experts/followups')
    response.assertFlashMessage('success', '回访已记录')

    await consultation.refresh()
    assert.equal(consultation.state, 'followed_up')
    const call = await FollowupCall.findByOrFail('consultation_id', consultation.id)
    assert.deepInclude(call.$attributes, { reached: true, serviceValid: true, category: 'diagnosis', notes: '农户反映用药后已好转', callerId: staff.id, callerRole: 'center_staff' })
    const event = await ConsultationEvent.query().where('consultation_id', consultation.id).orderBy('id', 'desc').firstOrFail()
    assert.deepInclude(event.$attributes, { kind: 'followed_up', fromState: 'closed', toState: 'followed_up', actorId: staff.id, reason: 'valid:diagnosis' })

    const queue = await client.get('/admin/experts/followups').loginAs(staff)
    assert.notInclude(queue.text(), `followup-${consultation.id}"`)
    // A second ruling on the same case is refused.
    const again = await submitForm(client, `/admin/experts/followups/${consultation.id}/calls`, { reached: 'yes', service_valid: 'invalid', category: 'other' }, staff)
    assert.include(fieldErrors(again, 'reached'), '该需求已不在回访队列中（可能已由他人回访）')
    assert.lengthOf(await FollowupCall.query().where('consultation_id', consultation.id), 1)
  })

  test('unreached: stored, the case stays in the queue with its deadline and overdue status, and can be retried (htmx)', async ({ client, assert }) => {
    const staff = await staffOf()
    const consultation = await makeCase({ reporter: await reporterIn(), state: 'closed', closedAt: new Date(clock.now().getTime() - 6 * DAY) })
    const dueAt = consultation.followupDueAt!.toMillis()

    const first = await client
      .post(`/admin/experts/followups/${consultation.id}/calls`)
      .header('HX-Request', 'true')
      .withCsrfToken()
      .form({ reached: 'no', notes: '无人接听' })
      .loginAs(staff)
    first.assertStatus(200)
    first.assertHeader('hx-retarget', '#followup-case')
    assert.notInclude(first.text(), '<html')
    assert.include(first.text(), '已记录未接通，可稍后再次回访')
    assert.include(first.text(), '无人接听')

    await consultation.refresh()
    assert.equal(consultation.state, 'closed')
    assert.equal(consultation.followupDueAt!.toMillis(), dueAt)
    const unreached = await FollowupCall.findByOrFail('consultation_id', consultation.id)
    assert.deepInclude(unreached.$attributes, { reached: false, serviceValid: null, category: null })
    assert.lengthOf(await ConsultationEvent.query().where({ consultation_id: consultation.id, kind: 'followup_unreached' }), 1)

    // The deadline passes: still listed, now overdue, with the attempt counted.
    clock.travel(2 * DAY)
    const queue = await client.get('/admin/experts/followups').loginAs(staff)
    assert.match(queue.text(), new RegExp(`id="followup-${consultation.id}" class="overdue"`))
    assert.include(queue.text(), '已拨打 1 次未接通')

    // Retried without JavaScript: reached, invalid service.
    const retry = await submitForm(client, `/admin/experts/followups/${consultation.id}/calls`, { reached: 'yes', service_valid: 'invalid', category: 'policy' }, staff)
    assertRedirect(retry, '/admin/experts/followups')
    await consultation.refresh()
    assert.equal(consultation.state, 'followed_up')
    assert.deepEqual((await FollowupCall.query().where('consultation_id', consultation.id).orderBy('id')).map((c) => c.reached), [false, true])
  })

  test('unreached without JavaScript returns to the case page', async ({ client }) => {
    const staff = await staffOf()
    const consultation = await makeCase({ reporter: await reporterIn(), state: 'closed' })
    const response = await submitForm(client, `/admin/experts/followups/${consultation.id}/calls`, { reached: 'no' }, staff)
    assertRedirect(response, `/admin/experts/followups/${consultation.id}`)
  })

  test('bad input: a reached call needs validity and category, notes ≤ 500; nothing stored', async ({ client, assert }) => {
    const staff = await staffOf()
    const consultation = await makeCase({ reporter: await reporterIn(), state: 'closed' })
    const url = `/admin/experts/followups/${consultation.id}/calls`
    const missing = await submitForm(client, url, { reached: 'yes' }, staff)
    assert.include(fieldErrors(missing, 'service_valid'), '请选择服务是否有效')
    assert.include(fieldErrors(missing, 'category'), '请选择服务类别')
    const wrong = await submitForm(client, url, { reached: 'maybe', category: 'magic' }, staff)
    assert.include(fieldErrors(wrong, 'reached'), '请选择有效的是否接通')
    const long = await submitForm(client, url, { reached: 'no', notes: '长'.repeat(501) }, staff)
    assert.include(fieldErrors(long, 'notes'), '备注不能超过 500 个字')

    const htmx = await client.post(url).header('HX-Request', 'true').withCsrfToken().form({ reached: 'yes' }).loginAs(staff)
    htmx.assertStatus(422)
    assert.include(htmx.text(), '请选择服务类别')

    assert.lengthOf(await FollowupCall.query().where('consultation_id', consultation.id), 0)
    assert.equal((await Consultation.findOrFail(consultation.id)).state, 'closed')
  })

  test('staff of another county cannot record a call (404), a farmer gets 403', async ({ client, assert }) => {
    const consultation = await makeCase({ reporter: await reporterIn(), state: 'closed' })
    const url = `/admin/experts/followups/${consultation.id}/calls`
    const form = { reached: 'yes', service_valid: 'valid', category: 'other' }
    ;(await submitForm(client, url, form, await staffOf('510105'))).assertStatus(404)
    ;(await submitForm(client, url, form, await createUser())).assertStatus(403)
    assert.lengthOf(await FollowupCall.query().where('consultation_id', consultation.id), 0)
  })
})
