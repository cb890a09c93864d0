import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import RoleGrant from '#core/accounts/models/role_grant'
import { assertRedirect, createUser, fieldErrors, submitForm } from '#tests/helpers'

const countyAdmin = () => createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '510104' }, name: '锦江管理员' })
const cityAdmin = () => createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '5101' }, name: '成都管理员' })

async function grantsOf(userId: number) {
  return (await RoleGrant.query().where('userId', userId).orderBy('id')).map((g) => `${g.role}:${g.scope ?? ''}`)
}

test.group('Admin / granting roles inside one’s own scope', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a county admin of 510104 grants a role to a person of 510104', async ({ client, assert }) => {
    const admin = await countyAdmin()
    const person = await createUser({ county: '510104' })
    const response = await submitForm(client, `/admin/roles/users/${person.id}/grants`, { role: 'info_officer' }, admin)
    assertRedirect(response, `/admin/roles/users/${person.id}`)
    response.assertFlashMessage('success', '已授予角色')
    assert.deepEqual(await grantsOf(person.id), ['farmer:', 'info_officer:'])
  })

  test('a county admin of 510104 gets 403 granting a role in 510105, and nothing is stored', async ({ client, assert }) => {
    const admin = await countyAdmin()
    const neighbour = await createUser({ county: '510105' })
    const local = await createUser({ county: '510104' })

    const toNeighbour = await submitForm(client, `/admin/roles/users/${neighbour.id}/grants`, { role: 'info_officer' }, admin)
    assert.oneOf(toNeighbour.status(), [403, 404])
    const staffThere = await submitForm(client, `/admin/roles/users/${local.id}/grants`, { role: 'center_staff', scope: '510105' }, admin)
    staffThere.assertStatus(403)
    staffThere.assertTextIncludes('没有权限')

    assert.deepEqual(await grantsOf(neighbour.id), ['farmer:'])
    assert.deepEqual(await grantsOf(local.id), ['farmer:'])
  })

  test('a city admin of 510100 may grant in 510105, and appoint a county admin there', async ({ client, assert }) => {
    const admin = await cityAdmin()
    const person = await createUser({ county: '510105' })
    assertRedirect(await submitForm(client, `/admin/roles/users/${person.id}/grants`, { role: 'expert' }, admin), `/admin/roles/users/${person.id}`)
    assertRedirect(
      await submitForm(client, `/admin/roles/users/${person.id}/grants`, { role: 'center_admin', scope: '510105' }, admin),
      `/admin/roles/users/${person.id}`
    )
    assert.deepEqual(await grantsOf(person.id), ['farmer:', 'expert:', 'center_admin:510105'])
  })

  test('a city admin cannot grant another city’s scope, nor appoint a platform admin', async ({ client, assert }) => {
    const admin = await cityAdmin()
    const person = await createUser({ county: '510105' })
    ;(await submitForm(client, `/admin/roles/users/${person.id}/grants`, { role: 'center_staff', scope: '511600' }, admin)).assertStatus(403)
    ;(await submitForm(client, `/admin/roles/users/${person.id}/grants`, { role: 'platform_admin', scope: '510000' }, admin)).assertStatus(403)
    assert.deepEqual(await grantsOf(person.id), ['farmer:'])
  })

  test('a platform admin appoints a platform admin', async ({ client, assert }) => {
    const admin = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    const person = await createUser({ county: '511623' })
    assertRedirect(
      await submitForm(client, `/admin/roles/users/${person.id}/grants`, { role: 'platform_admin', scope: '510000' }, admin),
      `/admin/roles/users/${person.id}`
    )
    assert.deepEqual(await grantsOf(person.id), ['farmer:', 'platform_admin:51'])
  })

  test('a staff role without a scope, an unknown role, or a duplicate: Chinese message, nothing stored', async ({ client, assert }) => {
    const admin = await cityAdmin()
    const person = await createUser({ county: '510105' })
    const noScope = await submitForm(client, `/admin/roles/users/${person.id}/grants`, { role: 'center_staff' }, admin)
    assert.include(fieldErrors(noScope, 'scope'), '运管中心工作人员和管理员需指定管理范围')
    const unknown = await submitForm(client, `/admin/roles/users/${person.id}/grants`, { role: 'king' }, admin)
    assert.include(fieldErrors(unknown, 'role'), '请选择有效的角色')
    const duplicate = await submitForm(client, `/admin/roles/users/${person.id}/grants`, { role: 'farmer' }, admin)
    assert.include(fieldErrors(duplicate, 'role'), '该用户已有此角色')
    assert.deepEqual(await grantsOf(person.id), ['farmer:'])
  })

  test('people without an admin role get the Chinese 403 page', async ({ client }) => {
    const farmer = await createUser({ county: '510104' })
    const staff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    for (const user of [farmer, staff]) {
      const response = await client.get('/admin/roles').loginAs(user)
      response.assertStatus(403)
      response.assertTextIncludes('没有权限')
    }
    assertRedirect(await client.get('/admin/roles').redirects(0), '/login')
  })
})

test.group('Admin / who sees whom', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a county admin lists only its county’s people; another county’s person is 404', async ({ client }) => {
    const admin = await countyAdmin()
    await createUser({ county: '510104', name: '本县农户' })
    const neighbour = await createUser({ county: '510105', name: '邻县农户' })

    const list = await client.get('/admin/roles').loginAs(admin)
    list.assertStatus(200)
    list.assertTextIncludes('本县农户')
    if (list.text().includes('邻县农户')) throw new Error('another county leaked into the list')

    const show = await client.get(`/admin/roles/users/${neighbour.id}`).loginAs(admin)
    show.assertStatus(404)
    if (show.text().includes('邻县农户')) throw new Error('another county leaked into the 404 page')
  })

  test('the city admin sees both counties; htmx search returns just the list', async ({ client, assert }) => {
    const admin = await cityAdmin()
    await createUser({ county: '510104', name: '本县农户' })
    await createUser({ county: '510105', name: '邻县农户' })
    await createUser({ county: '511623', name: '广安农户' })

    const list = await client.get('/admin/roles').loginAs(admin)
    list.assertTextIncludes('本县农户')
    list.assertTextIncludes('邻县农户')
    assert.notInclude(list.text(), '广安农户')

    const fragment = await client.get('/admin/roles').qs({ q: '邻县' }).header('HX-Request', 'true').loginAs(admin)
    fragment.assertStatus(200)
    assert.include(fragment.header('vary'), 'HX-Request')
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '邻县农户')
    assert.notInclude(fragment.text(), '本县农户')
  })

  test('only platform admins see the link to failed jobs', async ({ client, assert }) => {
    const platform = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    assert.include((await client.get('/admin/roles').loginAs(platform)).text(), '/admin/jobs')
    assert.notInclude((await client.get('/admin/roles').loginAs(await cityAdmin())).text(), '/admin/jobs')
  })

  test('phones are masked in the list', async ({ client, assert }) => {
    const admin = await countyAdmin()
    const person = await createUser({ county: '510104' })
    const list = await client.get('/admin/roles').loginAs(admin)
    assert.include(list.text(), `${person.phone.slice(0, 3)}****${person.phone.slice(7)}`)
    assert.notInclude(list.text(), person.phone)
  })
})

test.group('Admin / revoking', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('revoking asks first, then removes the grant', async ({ client, assert }) => {
    const admin = await cityAdmin()
    const person = await createUser({ county: '510105', roles: ['farmer', 'info_officer'] })
    const grant = await RoleGrant.query().where({ userId: person.id, role: 'info_officer' }).firstOrFail()

    const confirm = await client.get(`/admin/roles/grants/${grant.id}/revoke`).loginAs(admin)
    confirm.assertStatus(200)
    confirm.assertTextIncludes('确认撤销')
    assert.deepEqual(await grantsOf(person.id), ['farmer:', 'info_officer:'])

    assertRedirect(await submitForm(client, `/admin/roles/grants/${grant.id}/revoke`, {}, admin), `/admin/roles/users/${person.id}`)
    assert.deepEqual(await grantsOf(person.id), ['farmer:'])
  })

  test('a county admin cannot revoke in another county', async ({ client, assert }) => {
    const admin = await countyAdmin()
    const person = await createUser({ county: '510105', roles: ['farmer', 'info_officer'] })
    const grant = await RoleGrant.query().where({ userId: person.id, role: 'info_officer' }).firstOrFail()
    ;(await client.get(`/admin/roles/grants/${grant.id}/revoke`).loginAs(admin)).assertStatus(403)
    ;(await submitForm(client, `/admin/roles/grants/${grant.id}/revoke`, {}, admin)).assertStatus(403)
    assert.deepEqual(await grantsOf(person.id), ['farmer:', 'info_officer:'])
  })
})

test.group('Admin / nobody manages a level at or above their own', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a city admin gets 403 on the page of a platform admin who lives in the city (security review, finding 8)', async ({ client, assert }) => {
    const platform = await createUser({ county: '510104', roles: ['platform_admin'], scopes: { platform_admin: '51' }, name: '平台管理员' })
    const page = await client.get(`/admin/roles/users/${platform.id}`).loginAs(await cityAdmin())
    page.assertStatus(403)
    assert.notInclude(page.text(), '平台管理员')
  })

  test("a city admin can neither revoke their own grant nor a peer's; a platform admin can", async ({ client, assert }) => {
    const admin = await cityAdmin()
    const own = await RoleGrant.query().where({ userId: admin.id, role: 'center_admin' }).firstOrFail()
    ;(await client.get(`/admin/roles/grants/${own.id}/revoke`).loginAs(admin)).assertStatus(403)
    ;(await submitForm(client, `/admin/roles/grants/${own.id}/revoke`, {}, admin)).assertStatus(403)

    const peer = await cityAdmin()
    const peerGrant = await RoleGrant.query().where({ userId: peer.id, role: 'center_admin' }).firstOrFail()
    ;(await submitForm(client, `/admin/roles/grants/${peerGrant.id}/revoke`, {}, admin)).assertStatus(403)
    assert.deepEqual(await grantsOf(peer.id), ['center_admin:5101'])

    const platform = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    assertRedirect(await submitForm(client, `/admin/roles/grants/${peerGrant.id}/revoke`, {}, platform), `/admin/roles/users/${peer.id}`)
    assert.deepEqual(await grantsOf(peer.id), [])
  })

  test('a city admin still appoints city centre staff and revokes county admins of the city', async ({ client, assert }) => {
    const admin = await cityAdmin()
    const person = await createUser({ county: '510105' })
    assertRedirect(await submitForm(client, `/admin/roles/users/${person.id}/grants`, { role: 'center_staff', scope: '510100' }, admin), `/admin/roles/users/${person.id}`)
    const county = await countyAdmin()
    const grant = await RoleGrant.query().where({ userId: county.id, role: 'center_admin' }).firstOrFail()
    assertRedirect(await submitForm(client, `/admin/roles/grants/${grant.id}/revoke`, {}, admin), `/admin/roles/users/${county.id}`)
    assert.deepEqual(await grantsOf(person.id), ['farmer:', 'center_staff:5101'])
  })
})
