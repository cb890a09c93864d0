import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { actingAs } from '#core/accounts/acting'
import { todayIso } from '#core/clock'
import Notification from '#core/notifications/notification'
import { ReviewItem } from '#core/moderation/models'
import { restoreRegion, suspendRegion } from '#core/regions/participation'
import type User from '#core/accounts/models/user'
import { runTriage } from '#modules/experts/triage/jobs'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import { makeCase, staffOf } from '#tests/fixtures/experts/consultations'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { makeOfficer, seedDayi } from '#tests/fixtures/experts/officers'
import { DAYI_FILE, postVillageFile } from '#tests/fixtures/regions/villages'

const platformAdmin = () => createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' }, name: '孙管理' })

/** Suspends a region from today (or a later day) as a platform admin would. */
async function suspend(regionCode: string, fromDay = todayIso()) {
  return suspendRegion(await actingAs(await platformAdmin(), null), { regionCode, reason: '未落实配套经费', fromDay })
}

const assign = (client: any, id: number, expertId: number, staff: User) =>
  submitForm(client, `/triage/${id}/assign`, { expert_id: String(expertId), reason: '电话联系后指派' }, staff)

const auditActions = async (regionCode: string) =>
  (await db.from('audit_log').where('subject_type', 'region').where('subject_id', regionCode).orderBy('id').select('action')).map((row) => row.action)

test.group('Participation / the province suspends and restores a region', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the page lists suspensions (full page and htmx fragment), empty at first', async ({ client, assert }) => {
    const admin = await platformAdmin()
    const page = await client.get('/admin/participation').loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('所有地区均正常接入。')
    assert.include(page.text(), '<option value="510129"')
    assert.notInclude(page.text(), '<option value="510000"')
    const fragment = await client.get('/admin/participation').header('HX-Request', 'true').loginAs(admin)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '所有地区均正常接入。')
  })

  test('the history is paginated, the open suspensions first', async ({ client, assert }) => {
    const admin = await platformAdmin()
    const counties = (await db.from('regions').where('level', 'county').orderBy('code').limit(21).select('code')).map((row) => row.code)
    for (const code of counties) await suspend(code)
    await restoreRegion(await actingAs(admin, null), Number((await db.from('region_suspensions').where('region_code', counties[0]).firstOrFail()).id), '经费已到位')
    const first = (await client.get('/admin/participation').loginAs(admin)).text()
    assert.equal([...first.matchAll(/<li>/g)].length, 20)
    assert.include(first, 'href="?page=2"')
    assert.notInclude(first, '已恢复')
    const second = await client.get('/admin/participation?page=2').header('HX-Request', 'true').loginAs(admin)
    assert.notInclude(second.text(), '<html')
    assert.equal([...second.text().matchAll(/<li>/g)].length, 1)
    assert.include(second.text(), '已恢复')
  })

  test('suspended without JavaScript, then restored: listed with reason and day, audited both times', async ({ client, assert }) => {
    const admin = await platformAdmin()
    const posted = await submitForm(client, '/admin/participation', { region_code: '510129', reason: '未落实配套经费', from_day: todayIso() }, admin)
    assertRedirect(posted, '/admin/participation')
    posted.assertFlashMessage('success', `已暂停成都市 大邑县的接入资格（自 ${todayIso()} 起）`)
    const page = (await client.get('/admin/participation').loginAs(admin)).text()
    assert.include(page, '大邑县')
    assert.include(page, '已暂停')
    assert.include(page, '未落实配套经费')

    const open = await db.from('region_suspensions').where('region_code', '510129').firstOrFail()
    assertRedirect(await submitForm(client, `/admin/participation/${open.id}/restore`, { reason: '经费已到位' }, admin), '/admin/participation')
    const row = await db.from('region_suspensions').where('id', open.id).firstOrFail()
    assert.isNotNull(row.restored_at)
    assert.equal(row.restore_reason, '经费已到位')
    assert.equal(Number(row.restored_by_id), Number(admin.id))
    assert.include((await client.get('/admin/participation').loginAs(admin)).text(), '已恢复')
    assert.deepEqual(await auditActions('510129'), ['region.suspend', 'region.restore'])
    const audited = await db.from('audit_log').where('subject_id', '510129').where('action', 'region.suspend').firstOrFail()
    assert.equal(Number(audited.actor_id), Number(admin.id))
    assert.equal(audited.actor_role, 'platform_admin')
  })

  test('with htmx the list comes back as a fragment with the message', async ({ client, assert }) => {
    const admin = await platformAdmin()
    const response = await submitHtmxForm(client, '/admin/participation', { region_code: '510100', reason: '未落实配套经费', from_day: todayIso() }, admin)
    response.assertStatus(200)
    assert.notInclude(response.text(), '<html')
    assert.include(response.text(), '已暂停成都市的接入资格')
    assert.include(response.text(), 'restore')
  })

  test('refused with Chinese reasons, nothing stored: the province, a past day, a region already suspended, a short reason', async ({ client, assert }) => {
    const admin = await platformAdmin()
    const province = await submitForm(client, '/admin/participation', { region_code: '510000', reason: '未落实配套经费', from_day: todayIso() }, admin)
    assert.deepEqual(fieldErrors(province, 'region_code'), ['只能暂停市（州）或区县'])
    const yesterday = DateTime.now().setZone('Asia/Shanghai').minus({ days: 1 }).toISODate()!
    const past = await submitForm(client, '/admin/participation', { region_code: '510129', reason: '未落实配套经费', from_day: yesterday }, admin)
    assert.deepEqual(fieldErrors(past, 'from_day'), ['暂停起始日不能早于今天'])
    const short = await submitForm(client, '/admin/participation', { region_code: '510129', reason: '欠', from_day: todayIso() }, admin)
    assert.deepEqual(fieldErrors(short, 'reason'), ['原因至少 4 个字'])
    const htmx = await submitHtmxForm(client, '/admin/participation', { region_code: '510000', reason: '未落实配套经费', from_day: todayIso() }, admin)
    htmx.assertStatus(422)
    assert.include(htmx.text(), '只能暂停市（州）或区县')
    assert.lengthOf(await db.from('region_suspensions'), 0)

    await suspend('510129')
    const again = await submitForm(client, '/admin/participation', { region_code: '510129', reason: '再次暂停一下', from_day: todayIso() }, admin)
    assert.deepEqual(fieldErrors(again, 'region_code'), ['该地区已被暂停（或已安排暂停）'])
    assert.lengthOf(await db.from('region_suspensions'), 1)
  })

  test('only the province’s platform admins: a city admin, county staff and a farmer get 403, a guest the login', async ({ client, assert }) => {
    const suspension = await suspend('510129')
    for (const user of [await staffOf('5101', 'center_admin'), await staffOf('510129'), await createUser()]) {
      ;(await client.get('/admin/participation').loginAs(user)).assertStatus(403)
      ;(await submitForm(client, '/admin/participation', { region_code: '510104', reason: '未落实配套经费', from_day: todayIso() }, user)).assertStatus(403)
      ;(await submitForm(client, `/admin/participation/${suspension.id}/restore`, { reason: '经费已到位' }, user)).assertStatus(403)
    }
    assertRedirect(await client.get('/admin/participation').redirects(0), '/login')
    assert.lengthOf(await db.from('region_suspensions').whereNull('restored_at'), 1)
    assert.deepEqual(await auditActions('510104'), [])
  })
})

test.group('Participation / a suspended region reads but does not manage', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a suspended county’s staff read the case but get 403 on assigning it; the city’s staff assign it', async ({ client, assert }) => {
    const county = await staffOf('510104')
    const city = await staffOf('5101')
    const { expert } = await makeExpert({ name: '王专家' })
    const consultation = await makeCase({ state: 'awaiting_triage' })
    await suspend('510104')

    ;(await client.get(`/triage/${consultation.id}`).loginAs(county)).assertStatus(200)
    const board = await client.get('/triage').loginAs(county)
    board.assertStatus(200)
    board.assertTextIncludes('本地区的接入资格自')
    board.assertTextIncludes('未落实配套经费')
    const refused = await assign(client, consultation.id, expert.id, county)
    refused.assertStatus(403)
    assert.include(refused.text(), '本地区的接入资格已暂停')
    ;(await submitHtmxForm(client, `/triage/${consultation.id}/assign`, { expert_id: String(expert.id), reason: '电话联系后指派' }, county)).assertStatus(403)
    await consultation.refresh()
    assert.equal(consultation.state, 'awaiting_triage')

    assert.notInclude((await client.get('/triage').loginAs(city)).text(), '本地区的接入资格自')
    ;(await client.get('/admin').loginAs(county)).assertTextIncludes('本地区的接入资格自')
    assert.notInclude((await client.get('/admin').loginAs(city)).text(), '本地区的接入资格自')
    assertRedirect(await assign(client, consultation.id, expert.id, city), '/triage')
    await consultation.refresh()
    assert.equal(consultation.state, 'assigned')
  })

  test('another county of the city is untouched; a suspended city stops its counties and itself, not the province', async ({ client }) => {
    const { expert } = await makeExpert({ name: '王专家', county: '510105' })
    const other = await makeCase({ state: 'awaiting_triage', county: '510105' })
    await suspend('510104')
    assertRedirect(await assign(client, other.id, expert.id, await staffOf('510105')), '/triage')

    await restoreRegion(await actingAs(await platformAdmin(), null), Number((await db.from('region_suspensions').firstOrFail()).id), '经费已到位')
    await suspend('510100')
    const consultation = await makeCase({ state: 'awaiting_triage', county: '510105' })
    ;(await assign(client, consultation.id, expert.id, await staffOf('510105'))).assertStatus(403)
    ;(await assign(client, consultation.id, expert.id, await staffOf('5101'))).assertStatus(403)
    assertRedirect(await assign(client, consultation.id, expert.id, await staffOf('51')), '/triage')
  })

  test('a suspension from a later day changes nothing until that day', async ({ client }) => {
    const { expert } = await makeExpert()
    const consultation = await makeCase({ state: 'awaiting_triage' })
    await suspend('510104', DateTime.now().setZone('Asia/Shanghai').plus({ days: 3 }).toISODate()!)
    assertRedirect(await assign(client, consultation.id, expert.id, await staffOf('510104')), '/triage')
  })

  test('its new cases are triaged by the city: the city level, and the city’s staff are told when no expert is found', async ({ assert }) => {
    const county = await staffOf('510104')
    const city = await staffOf('5101')
    await suspend('510104')
    const consultation = await makeCase({ state: 'awaiting_triage' })
    assert.equal(consultation.triageLevel, 'city')
    await runTriage({ consultationId: consultation.id })
    const told = await Notification.query().where('kind', 'experts.triage_needed')
    assert.deepEqual(told.map((notice) => Number(notice.userId)), [Number(city.id)])
    assert.notInclude(told.map((notice) => Number(notice.userId)), Number(county.id))
  })

  test('restoring brings it back: the county’s staff assign again and its new cases start at county level', async ({ client, assert }) => {
    const county = await staffOf('510104')
    const { expert } = await makeExpert()
    const suspension = await suspend('510104')
    const during = await makeCase({ state: 'awaiting_triage' })
    ;(await assign(client, during.id, expert.id, county)).assertStatus(403)

    await restoreRegion(await actingAs(await platformAdmin(), null), suspension.id, '经费已到位')
    assertRedirect(await assign(client, during.id, expert.id, county), '/triage')
    assert.notInclude((await client.get('/triage').loginAs(county)).text(), '本地区的接入资格自')
    assert.equal((await makeCase({ state: 'awaiting_triage' })).triageLevel, 'county')
  })

  test('other management actions: verifying an officer and importing villages are 403, their pages still open with the notice', async ({ client, assert }) => {
    await seedDayi()
    const staff = await staffOf('510129')
    const { officer } = await makeOfficer()
    await suspend('510129')

    const review = await client.get(`/admin/experts/officers/${officer.id}`).loginAs(staff)
    review.assertStatus(200)
    review.assertTextIncludes('本地区的接入资格自')
    ;(await submitForm(client, `/admin/experts/officers/${officer.id}/verify`, {}, staff)).assertStatus(403)
    await officer.refresh()
    assert.equal(officer.status, 'pending')

    const villages = await client.get('/admin/villages?county=510129').loginAs(staff)
    villages.assertStatus(200)
    villages.assertTextIncludes('本地区的接入资格自')
    ;(await postVillageFile(client, staff, '510129', DAYI_FILE)).assertStatus(403)
    const coverage = await client.get('/admin/officers/coverage?region=510129').loginAs(staff)
    coverage.assertStatus(200)
    coverage.assertTextIncludes('本地区的接入资格自')

    assertRedirect(await submitForm(client, `/admin/experts/officers/${officer.id}/verify`, {}, await staffOf('5101')), '/admin/experts/officers')
  })

  test('a held case’s review decision is refused to the suspended county’s staff and taken by the city’s', async ({ client, assert }) => {
    await makeCase({ held: true, county: '510104' })
    const item = await ReviewItem.query().orderBy('id', 'desc').firstOrFail()
    await suspend('510104')
    const form = { decision: 'approved', reason: '内容正常' }
    ;(await submitForm(client, `/admin/moderation/reviews/${item.id}/decision`, form, await staffOf('510104'))).assertStatus(403)
    await item.refresh()
    assert.equal(item.status, 'pending')
    ;(await submitForm(client, `/admin/moderation/reviews/${item.id}/decision`, form, await staffOf('5101'))).assertStatus(302)
    await item.refresh()
    assert.notEqual(item.status, 'pending')
  })

  test('never hides a farmer’s own data: the farmer of a suspended county sees their cases', async ({ client, assert }) => {
    const farmer = await createUser({ county: '510104', name: '王大田' })
    const consultation = await makeCase({ state: 'awaiting_triage', reporter: farmer })
    await suspend('510104')
    await suspend('510105')
    const list = await client.get('/consultations').loginAs(farmer)
    list.assertStatus(200)
    assert.include(list.text(), `/consultations/${consultation.id}`)
    ;(await client.get(`/consultations/${consultation.id}`).loginAs(farmer)).assertStatus(200)
    assert.notInclude(list.text(), '本地区的接入资格自')
  })
})
