import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import RoleGrant from '#core/accounts/models/role_grant'
import Notification from '#core/notifications/notification'
import { assertRedirect, createUser, fieldErrors, submitForm } from '#tests/helpers'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { staffOf } from '#tests/fixtures/experts/consultations'
import type Expert from '#modules/experts/models/expert'

const indexed = (expert: Expert) => db.from('text_documents').where({ source_type: 'expert', source_id: String(expert.id) }).first()
const expertRoles = (userId: number) => RoleGrant.query().where({ userId, role: 'expert' })

test.group('Expert profiles / the review list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('staff of 510104 see the pending applications of 510104 only, oldest first', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    await makeExpert({ name: '锦江甲', county: '510104', status: 'pending' })
    await makeExpert({ name: '锦江乙', county: '510104', status: 'pending' })
    await makeExpert({ name: '青羊丙', county: '510105', status: 'pending' })
    await makeExpert({ name: '锦江已认证', county: '510104' })

    const page = await client.get('/admin/experts/profiles').loginAs(staff)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '<html')
    assert.include(html, '审核范围：成都市 锦江区')
    assert.isBelow(html.indexOf('锦江甲'), html.indexOf('锦江乙'))
    assert.notInclude(html, '青羊丙')
    assert.notInclude(html, '锦江已认证')
  })

  test('htmx gets the list alone; a tab with nothing shows the empty state', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    await makeExpert({ name: '锦江已认证', county: '510104' })
    const verified = await client.get('/admin/experts/profiles?status=verified').loginAs(staff).header('HX-Request', 'true')
    verified.assertStatus(200)
    assert.include(verified.header('vary'), 'HX-Request')
    assert.notInclude(verified.text(), '<html')
    assert.include(verified.text(), '锦江已认证')
    const rejected = await client.get('/admin/experts/profiles?status=rejected').loginAs(staff).header('HX-Request', 'true')
    rejected.assertTextIncludes('没有被驳回的申请')
  })

  test('20 a page', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    for (let i = 0; i < 21; i++) await makeExpert({ name: `申请人${String.fromCharCode(0x4e00 + i)}`, county: '510104', status: 'pending' })
    const first = await client.get('/admin/experts/profiles').loginAs(staff)
    assert.equal((first.text().match(/href="\/admin\/experts\/profiles\/\d+"/g) ?? []).length, 20)
    first.assertTextIncludes('第 1 / 2 页')
    const second = await client.get('/admin/experts/profiles?status=pending&page=2').loginAs(staff)
    assert.equal((second.text().match(/href="\/admin\/experts\/profiles\/\d+"/g) ?? []).length, 1)
  })

  test('a farmer, or an expert, may not review: 403', async ({ client }) => {
    const farmer = await createUser({ county: '510104' })
    const { user: expertUser } = await makeExpert({ county: '510104', roles: ['expert'] })
    ;(await client.get('/admin/experts/profiles').loginAs(farmer)).assertStatus(403)
    ;(await client.get('/admin/experts/profiles').loginAs(expertUser)).assertStatus(403)
  })
})

test.group('Expert profiles / verifying and rejecting', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the application page shows the profile and both decisions', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const { expert, user } = await makeExpert({ name: '王申请', county: '510104', status: 'pending', specialties: '猕猴桃溃疡病' })
    const page = await client.get(`/admin/experts/profiles/${expert.id}`).loginAs(staff)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '王申请')
    assert.include(html, '猕猴桃溃疡病')
    assert.include(html, user.maskedPhone)
    assert.notInclude(html, user.phone)
    assert.include(html, `action="/admin/experts/profiles/${expert.id}/verify"`)
    assert.include(html, `action="/admin/experts/profiles/${expert.id}/reject"`)
  })

  test('verifying: verified, the expert role granted, told, found in 找专家, audited', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const { expert, user } = await makeExpert({ name: '王申请', county: '510104', status: 'pending', industries: ['fruit', 'tea'] })

    const response = await submitForm(client, `/admin/experts/profiles/${expert.id}/verify`, {}, staff)
    assertRedirect(response, '/admin/experts/profiles')
    response.assertFlashMessage('success', '已通过审核')

    await expert.refresh()
    assert.equal(expert.status, 'verified')
    assert.equal(Number(expert.reviewedById), Number(staff.id))
    assert.isNotNull(expert.reviewedAt)
    const grants = await expertRoles(user.id)
    assert.lengthOf(grants, 1)
    assert.isNull(grants[0].scope)

    const notice = await Notification.query().where('userId', user.id).firstOrFail()
    assert.equal(notice.title, '您的专家资料已通过审核')
    assert.equal(notice.link, `/experts/${expert.id}`)

    const document = await indexed(expert)
    assert.isTrue(document.public)
    assert.equal(document.industry_code, 'fruit')
    assert.equal(document.county_code, '510104')
    assert.includeMembers(document.tags, ['industry:fruit', 'industry:tea', 'level:county'])
    assert.include(document.text, '王申请')

    const actions = (await db.from('audit_log').where('actor_id', staff.id).orderBy('id')).map((row) => `${row.action}:${row.actor_role}`)
    assert.deepEqual(actions, ['expert.verify:center_staff', 'role.grant:center_staff'])
    ;(await client.get(`/experts/${expert.id}`)).assertStatus(200)
  })

  test('a person who already holds the expert role is not granted it twice', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const { expert, user } = await makeExpert({ county: '510104', status: 'pending', roles: ['expert'] })
    assertRedirect(await submitForm(client, `/admin/experts/profiles/${expert.id}/verify`, {}, staff), '/admin/experts/profiles')
    assert.lengthOf(await expertRoles(user.id), 1)
    assert.isNull(await db.from('audit_log').where('action', 'role.grant').first())
  })

  test('rejecting needs a reason; with one the applicant reads it and nothing is searchable', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const { expert, user } = await makeExpert({ county: '510104', status: 'pending' })

    const noReason = await submitForm(client, `/admin/experts/profiles/${expert.id}/reject`, { reason: ' ' }, staff)
    noReason.assertStatus(302)
    assert.deepEqual(fieldErrors(noReason, 'reason'), ['驳回时请填写理由'])
    await expert.refresh()
    assert.equal(expert.status, 'pending')

    const response = await submitForm(client, `/admin/experts/profiles/${expert.id}/reject`, { reason: '请补充职称证书照片' }, staff)
    assertRedirect(response, '/admin/experts/profiles')
    response.assertFlashMessage('success', '已驳回，申请人会收到通知')
    await expert.refresh()
    assert.equal(expert.status, 'rejected')
    assert.equal(expert.rejectionReason, '请补充职称证书照片')
    const notice = await Notification.query().where('userId', user.id).firstOrFail()
    assert.equal(notice.title, '您的专家资料未通过审核')
    assert.equal(notice.body, '请补充职称证书照片')
    assert.lengthOf(await expertRoles(user.id), 0)
    assert.isNull(await indexed(expert))
    const entry = await db.from('audit_log').where('action', 'expert.reject').firstOrFail()
    assert.deepEqual(entry.changes.rejectionReason, { old: null, new: '请补充职称证书照片' })
    ;(await client.get('/experts/me').loginAs(user)).assertTextIncludes('请补充职称证书照片')
  })

  test('an application decided already is not decided again', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const { expert } = await makeExpert({ county: '510104' })
    const response = await submitForm(client, `/admin/experts/profiles/${expert.id}/reject`, { reason: '重复处理' }, staff)
    assertRedirect(response, `/admin/experts/profiles/${expert.id}`)
    response.assertFlashMessage('error', '该申请已经处理过了')
    await expert.refresh()
    assert.equal(expert.status, 'verified')
  })

  test('staff of 510104 cannot see, verify or reject a 510105 applicant: 404, nothing changes', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const { expert, user } = await makeExpert({ county: '510105', status: 'pending' })
    ;(await client.get(`/admin/experts/profiles/${expert.id}`).loginAs(staff)).assertStatus(404)
    ;(await submitForm(client, `/admin/experts/profiles/${expert.id}/verify`, {}, staff)).assertStatus(404)
    ;(await submitForm(client, `/admin/experts/profiles/${expert.id}/reject`, { reason: '不在本县' }, staff)).assertStatus(404)
    ;(await submitForm(client, `/admin/experts/profiles/${expert.id}/reject`, {}, staff)).assertStatus(404)
    await expert.refresh()
    assert.equal(expert.status, 'pending')
    assert.lengthOf(await expertRoles(user.id), 0)
    assert.isNull(await db.from('audit_log').where('actor_id', staff.id).first())
  })

  test('a farmer cannot verify: 403, nothing changes', async ({ client, assert }) => {
    const farmer = await createUser({ county: '510105' })
    const { expert } = await makeExpert({ county: '510105', status: 'pending' })
    ;(await client.get(`/admin/experts/profiles/${expert.id}`).loginAs(farmer)).assertStatus(403)
    ;(await submitForm(client, `/admin/experts/profiles/${expert.id}/verify`, {}, farmer)).assertStatus(403)
    await expert.refresh()
    assert.equal(expert.status, 'pending')
  })

  test('the city administrator of 5101 verifies in 510105, acting as center_admin', async ({ client, assert }) => {
    const admin = await createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '5101' } })
    const { expert } = await makeExpert({ county: '510105', status: 'pending' })
    assertRedirect(await submitForm(client, `/admin/experts/profiles/${expert.id}/verify`, {}, admin), '/admin/experts/profiles')
    await expert.refresh()
    assert.equal(expert.status, 'verified')
    assert.equal((await db.from('audit_log').where('action', 'expert.verify').firstOrFail()).actor_role, 'center_admin')
  })
  test('a platform administrator verifies anywhere in the province, acting as platform_admin', async ({ client, assert }) => {
    const admin = await createUser({ county: '510104', roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    const { expert } = await makeExpert({ county: '511623', status: 'pending' })
    assertRedirect(await submitForm(client, `/admin/experts/profiles/${expert.id}/verify`, {}, admin), '/admin/experts/profiles')
    await expert.refresh()
    assert.equal(expert.status, 'verified')
    assert.equal((await db.from('audit_log').where('action', 'expert.verify').firstOrFail()).actor_role, 'platform_admin')
  })
})
