import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/accounts/models/user'
import { assertRedirect, downloadedSheet, createUser, fieldErrors, PASSWORD, submitForm, submitHtmxForm } from '#tests/helpers'
import { assertSignedOut, signedIn, useDatabaseStore } from '#tests/fixtures/accounts/browser_client'

/*
 * 用户管理 (issue 18 §7): an administrator's people, scoped from both sides; deactivation with
 * a reason (audited, every session ended, no way back in); sessions ended from the admin's
 * side; the list exported with every phone masked.
 */

const countyAdmin = (county = '510104') => createUser({ county, roles: ['center_admin'], scopes: { center_admin: county }, name: '锦江管理员' })
const cityAdmin = () => createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '5101' }, name: '成都管理员' })
const auditCount = async (action: string, subjectId: number) =>
  Number((await db.from('audit_log').where({ action, subject_id: String(subjectId) }).count('* as n').first()).n)

test.group('Admin / users: search in my scope', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("a county admin finds the county's people, not the neighbour's; the city admin finds both", async ({ client, assert }) => {
    const here = await createUser({ county: '510104', name: '张锦江' })
    const there = await createUser({ county: '510105', name: '李青羊' })

    const county = await client.get('/admin/users').loginAs(await countyAdmin())
    county.assertStatus(200)
    assert.include(county.text(), '张锦江')
    assert.notInclude(county.text(), '李青羊')
    assert.include(county.text(), here.maskedPhone)
    assert.notInclude(county.text(), here.phone)

    const city = await client.get('/admin/users?q=李').loginAs(await cityAdmin())
    assert.include(city.text(), '李青羊')
    assert.notInclude(city.text(), '张锦江')
    const byPhone = await client.get(`/admin/users?q=${there.phone.slice(0, 9)}`).header('HX-Request', 'true').loginAs(await cityAdmin())
    assert.notInclude(byPhone.text(), '<html')
    assert.include(byPhone.text(), '李青羊')

    // One or two characters match the start of a name (a surname), three or more anywhere.
    const city2 = await cityAdmin()
    assert.notInclude((await client.get(`/admin/users?q=${encodeURIComponent('青羊')}`).loginAs(city2)).text(), '李青羊')
    assert.include((await client.get(`/admin/users?q=${encodeURIComponent('李青')}`).loginAs(city2)).text(), '李青羊')
    await db.from('users').where('id', there.id).update({ name: '欧阳青羊' })
    assert.include((await client.get(`/admin/users?q=${encodeURIComponent('阳青羊')}`).loginAs(city2)).text(), '欧阳青羊')

    const outside = await client.get('/admin/users?q=李青羊').loginAs(await countyAdmin())
    assert.include(outside.text(), '管理范围内没有找到用户')
  })

  test('deactivated accounts are filtered by status; a farmer and centre staff get 403', async ({ client, assert }) => {
    const admin = await countyAdmin()
    await createUser({ county: '510104', name: '王正常' })
    const stopped = await createUser({ county: '510104', name: '赵停用' })
    await db.from('users').where('id', stopped.id).update({ deactivated_at: new Date(), deactivation_reason: '冒用身份' })
    const list = await client.get('/admin/users?q=&status=deactivated').loginAs(admin)
    assert.include(list.text(), '赵停用')
    assert.notInclude(list.text(), '王正常')
    const all = await client.get('/admin/users?q=&status=').loginAs(admin)
    assert.include(all.text(), '王正常')
    assert.include(all.text(), '赵停用')
    assert.include(list.text(), '已停用')

    ;(await client.get('/admin/users').loginAs(await createUser())).assertStatus(403)
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    ;(await client.get('/admin/users').loginAs(staff)).assertStatus(403)
  })

  test("a person's page shows roles (linking to the role grants screen), passkeys and the account; another county's admin gets 404", async ({ client, assert }) => {
    const person = await createUser({ county: '510104', roles: ['info_officer'], name: '周信息' })
    const page = await client.get(`/admin/users/${person.id}`).loginAs(await countyAdmin())
    page.assertStatus(200)
    assert.include(page.text(), '周信息')
    assert.include(page.text(), `/admin/roles/users/${person.id}`)
    assert.include(page.text(), '没有通行密钥')
    assert.include(page.text(), '账号正常')
    ;(await client.get(`/admin/users/${person.id}`).loginAs(await countyAdmin('510105'))).assertStatus(404)
    const refused = await submitForm(client, `/admin/users/${person.id}/deactivate`, { reason: '测试' }, await countyAdmin('510105'))
    refused.assertStatus(404)
    assert.isNull((await User.findOrFail(person.id)).deactivatedAt)
  })
})

test.group('Admin / users: deactivate and reactivate', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('deactivating needs a reason (Chinese message, nothing changed); done, it is audited and the person cannot sign in', async ({ client, assert }) => {
    const admin = await countyAdmin()
    const person = await createUser({ county: '510104' })
    const blank = await submitForm(client, `/admin/users/${person.id}/deactivate`, { reason: ' ' }, admin)
    assert.isNotEmpty(fieldErrors(blank, 'reason'))
    assert.match(fieldErrors(blank, 'reason')[0], /[\u4e00-\u9fff]/)
    assert.isNull((await User.findOrFail(person.id)).deactivatedAt)

    const done = await submitForm(client, `/admin/users/${person.id}/deactivate`, { reason: '冒用他人身份注册' }, admin)
    assertRedirect(done, `/admin/users/${person.id}`)
    done.assertFlashMessage('success', '账号已停用，该用户已退出所有设备')
    const stored = await User.findOrFail(person.id)
    assert.isNotNull(stored.deactivatedAt)
    assert.equal(stored.deactivationReason, '冒用他人身份注册')
    assert.equal(await auditCount('account.deactivate', person.id), 1)

    const login = await submitForm(client, '/login', { phone: person.phone, password: PASSWORD })
    assert.deepEqual(fieldErrors(login, 'phone'), ['该账号已被停用，无法登录。如有疑问请联系所在县运管中心。'])

    const twice = await submitForm(client, `/admin/users/${person.id}/deactivate`, { reason: '再次停用' }, admin)
    assert.deepEqual(fieldErrors(twice, 'reason'), ['该账号已经停用'])
  })

  test('htmx: the account panel comes back deactivated, then reactivated; an admin cannot deactivate themself', async ({ client, assert }) => {
    const admin = await countyAdmin()
    const person = await createUser({ county: '510104' })
    const off = await submitHtmxForm(client, `/admin/users/${person.id}/deactivate`, { reason: '长期未使用' }, admin)
    off.assertStatus(200)
    assert.notInclude(off.text(), '<html')
    assert.include(off.text(), '已停用')
    assert.include(off.text(), '恢复账号')

    const on = await submitHtmxForm(client, `/admin/users/${person.id}/reactivate`, { reason: '本人申请恢复' }, admin)
    assert.include(on.text(), '账号已恢复，可以重新登录')
    assert.isNull((await User.findOrFail(person.id)).deactivatedAt)
    assert.equal(await auditCount('account.reactivate', person.id), 1)
    const bad = await submitHtmxForm(client, `/admin/users/${person.id}/reactivate`, { reason: '再恢复' }, admin)
    bad.assertStatus(422)

    const self = await submitForm(client, `/admin/users/${admin.id}/deactivate`, { reason: '我自己' }, admin)
    self.assertStatus(403)
  })

  test('a county admin gets 403 for a person who holds a city role above them', async ({ client }) => {
    const cityStaff = await createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '5101' } })
    ;(await submitForm(client, `/admin/users/${cityStaff.id}/deactivate`, { reason: '越级停用' }, await countyAdmin())).assertStatus(403)
  })
})

test.group('Admin / users: sessions', (group) => {
  useDatabaseStore(group)

  test("deactivating ends the person's sessions at once", async ({ assert }) => {
    const person = await createUser({ county: '510104' })
    const phone = await signedIn(person)
    const admin = await signedIn(await countyAdmin())
    const done = await admin.submit(`/admin/users/${person.id}`, `/admin/users/${person.id}/deactivate`, { reason: '账号被盗用' })
    assert.equal(done.status, 302)
    assertSignedOut(await phone.get('/profile'), assert)
  })

  test("an admin sees a person's signed-in devices and ends one (audited), or all", async ({ assert }) => {
    const person = await createUser({ county: '510104' })
    const first = await signedIn(person)
    const second = await signedIn(person)
    const admin = await signedIn(await countyAdmin())
    const page = await admin.get(`/admin/users/${person.id}`)
    const handles = [...new Set([...page.text.matchAll(/\/admin\/users\/\d+\/sessions\/([0-9a-f]{24})\/sign-out/g)].map((match) => match[1]))]
    assert.lengthOf(handles, 2)

    const one = await admin.submit(`/admin/users/${person.id}`, `/admin/users/${person.id}/sessions/${handles[0]}/sign-out`, {})
    assert.equal(one.location, `/admin/users/${person.id}`)
    const stillIn = [(await first.get('/profile')).status, (await second.get('/profile')).status].sort()
    assert.deepEqual(stillIn, [200, 302])
    assert.equal(await auditCount('account.session_end', person.id), 1)

    await admin.submit(`/admin/users/${person.id}`, `/admin/users/${person.id}/sessions/sign-out`, {})
    assertSignedOut(await first.get('/profile'), assert)
    assertSignedOut(await second.get('/profile'), assert)
    assert.equal(await auditCount('account.session_end', person.id), 2)
  })

  test("another county's admin gets 404 ending a session; an unknown handle is 404", async ({ assert }) => {
    const person = await createUser({ county: '510104' })
    const phone = await signedIn(person)
    const own = await signedIn(await countyAdmin())
    const handle = /\/sessions\/([0-9a-f]{24})\/sign-out/.exec((await own.get(`/admin/users/${person.id}`)).text)![1]
    const stranger = await signedIn(await countyAdmin('510105'))
    const refused = await stranger.submit('/profile', `/admin/users/${person.id}/sessions/${handle}/sign-out`, {})
    assert.equal(refused.status, 404)
    const unknown = await own.submit('/profile', `/admin/users/${person.id}/sessions/${'0'.repeat(24)}/sign-out`, {})
    assert.equal(unknown.status, 404)
    assert.equal((await phone.get('/profile')).status, 200)
    assert.equal(await auditCount('account.session_end', person.id), 0)
  })
})

test.group('Admin / users: export', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the XLSX lists the scope with every phone masked, and the export is audited', async ({ client, assert }) => {
    const admin = await countyAdmin()
    const here = await createUser({ county: '510104', name: '张锦江', roles: ['info_officer'] })
    const there = await createUser({ county: '510105', name: '李青羊' })
    const sheet = await downloadedSheet(client.get('/admin/users/export?status=active').loginAs(admin))
    const cells = sheet.getSheetValues().flat().map(String).join('|')
    assert.include(cells, '张锦江')
    assert.include(cells, here.maskedPhone)
    assert.include(cells, '信息员')
    assert.notInclude(cells, '李青羊')
    for (const user of await User.all()) assert.notInclude(cells, user.phone, 'no whole phone number')
    assert.notInclude(cells, there.maskedPhone)
    assert.equal(Number((await db.from('audit_log').where('action', 'users.export').count('* as n').first()).n), 1)
  })
})
