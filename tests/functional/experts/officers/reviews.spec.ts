import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import RoleGrant from '#core/accounts/models/role_grant'
import Notification from '#core/notifications/notification'
import Consultation from '#modules/experts/models/consultation'
import { assertRedirect, createUser, fieldErrors, submitForm } from '#tests/helpers'
import { newKey, postReport, RICE_BLAST, staffOf } from '#tests/fixtures/experts/consultations'
import { makeOfficer, seedDayi } from '#tests/fixtures/experts/officers'
import { JINJIANG_VILLAGES, seedVillages } from '#tests/fixtures/regions/villages'

test.group('信息员 / the county centre verifies or rejects', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a 510129 centre sees 510129\'s pending applications only, with group and village', async ({ client, assert }) => {
    await seedDayi()
    await seedVillages(JINJIANG_VILLAGES)
    await makeOfficer({ name: '大邑甲', group: 'teacher' })
    await makeOfficer({ name: '锦江乙', village: '510104001001' })
    const page = await client.get('/admin/experts/officers').loginAs(await staffOf('510129'))
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '大邑甲')
    assert.include(html, '教师')
    assert.include(html, '晋原街道 五星村')
    assert.notInclude(html, '锦江乙')
    const fragment = await client.get('/admin/experts/officers?status=verified').loginAs(await staffOf('510129')).header('HX-Request', 'true')
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '没有已认证的信息员')
  })

  test('verified by a 510129 centre: info_officer for 510129, told, audited; the village is on their profile and on every case they report', async ({ client, assert }) => {
    await seedDayi()
    const staff = await staffOf('510129')
    const { user, officer } = await makeOfficer({ name: '李信息', village: '510129102001' })
    const page = await client.get(`/admin/experts/officers/${officer.id}`).loginAs(staff)
    page.assertStatus(200)
    page.assertTextIncludes(user.maskedPhone)
    page.assertTextIncludes('王泗镇 凤凰村')

    assertRedirect(await submitForm(client, `/admin/experts/officers/${officer.id}/verify`, {}, staff), '/admin/experts/officers')
    await officer.refresh()
    assert.equal(officer.status, 'verified')
    assert.equal(officer.reviewedById, staff.id)
    const grants = await RoleGrant.query().where({ userId: user.id, role: 'info_officer' })
    assert.deepEqual(grants.map((grant) => grant.scope), [null], 'info_officer carries no scope (as a grant on the roles page): their county is their own')
    const notice = await Notification.query().where('user_id', user.id).firstOrFail()
    assert.equal(notice.title, '您已成为认证信息员')
    assert.include(notice.body ?? '', '凤凰村')
    assert.deepEqual((await db.from('audit_log').where('subject_id', String(officer.id)).where('subject_type', 'experts.officer').select('action')).map((row) => row.action), ['officer.verify'])

    const mine = await client.get('/officers/me').loginAs(user)
    mine.assertTextIncludes('已认证')
    mine.assertTextIncludes('王泗镇 凤凰村')

    const report = await postReport(client, user, { text: RICE_BLAST, county_code: '510129', industry: 'grain_oil', farmer_name: '赵农户', farmer_phone: '13900001111', idempotency_key: newKey() })
    report.assertStatus(302)
    const consultation = await Consultation.query().where('reporter_id', user.id).firstOrFail()
    assert.equal(consultation.villageCode, '510129102001')
    const casePage = await client.get(`/consultations/${consultation.id}`).loginAs(user)
    casePage.assertTextIncludes('信息员所在村')
    casePage.assertTextIncludes('王泗镇 凤凰村')
    await officer.refresh()
    assert.isNotNull(officer.lastReportedAt)
  })

  test('someone who is not an officer reports without a village', async ({ client, assert }) => {
    const farmer = await createUser({ county: '510129' })
    await postReport(client, farmer, { text: RICE_BLAST, county_code: '510129', industry: 'grain_oil', idempotency_key: newKey() })
    assert.isNull((await Consultation.query().where('reporter_id', farmer.id).firstOrFail()).villageCode)
  })

  test('rejected with a reason the applicant is told; no role; a decided application cannot be decided again', async ({ client, assert }) => {
    await seedDayi()
    const staff = await staffOf('510129')
    const { user, officer } = await makeOfficer()
    const empty = await submitForm(client, `/admin/experts/officers/${officer.id}/reject`, { reason: '' }, staff)
    assert.deepEqual(fieldErrors(empty, 'reason'), ['请填写原因'])
    assertRedirect(await submitForm(client, `/admin/experts/officers/${officer.id}/reject`, { reason: '请写明在村里的工作' }, staff), '/admin/experts/officers')
    await officer.refresh()
    assert.equal(officer.status, 'rejected')
    assert.equal(officer.rejectionReason, '请写明在村里的工作')
    assert.lengthOf(await RoleGrant.query().where({ userId: user.id, role: 'info_officer' }), 0)
    assert.equal((await Notification.query().where('user_id', user.id).firstOrFail()).body, '请写明在村里的工作')
    const again = await submitForm(client, `/admin/experts/officers/${officer.id}/verify`, {}, staff)
    assertRedirect(again, `/admin/experts/officers/${officer.id}`)
    await officer.refresh()
    assert.equal(officer.status, 'rejected')
  })

  test('a 510104 centre cannot see, verify or reject a 510129 application (404); a farmer may not review (403)', async ({ client, assert }) => {
    await seedDayi()
    const jinjiang = await staffOf('510104')
    const { user, officer } = await makeOfficer()
    ;(await client.get(`/admin/experts/officers/${officer.id}`).loginAs(jinjiang)).assertStatus(404)
    ;(await submitForm(client, `/admin/experts/officers/${officer.id}/verify`, {}, jinjiang)).assertStatus(404)
    ;(await submitForm(client, `/admin/experts/officers/${officer.id}/reject`, { reason: '不是本县的' }, jinjiang)).assertStatus(404)
    await officer.refresh()
    assert.equal(officer.status, 'pending')
    assert.lengthOf(await RoleGrant.query().where({ userId: user.id, role: 'info_officer' }), 0)
    const farmer = await createUser({ county: '510129' })
    ;(await client.get('/admin/experts/officers').loginAs(farmer)).assertStatus(403)
    ;(await submitForm(client, `/admin/experts/officers/${officer.id}/verify`, {}, farmer)).assertStatus(403)
  })

  test('the city centre of Chengdu (5101) verifies for 510129 as well', async ({ client, assert }) => {
    await seedDayi()
    const city = await staffOf('5101')
    const { officer } = await makeOfficer()
    assertRedirect(await submitForm(client, `/admin/experts/officers/${officer.id}/verify`, {}, city), '/admin/experts/officers')
    await officer.refresh()
    assert.equal(officer.status, 'verified')
  })
})
