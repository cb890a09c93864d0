import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser } from '#tests/helpers'

/*
 * Core's pages show only what modules registered from their start.ts; this checks the
 * registrations reach the pages for each kind of viewer, and nothing more.
 */
test.group('Navigation on core pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a guest sees 找专家 and no tab beyond 首页 and 登录', async ({ client, assert }) => {
    const home = (await client.get('/')).text()
    assert.include(home, 'href="/experts"')
    assert.notInclude(home, 'href="/consultations/new"')
    assert.notInclude(home, 'href="/admin')
  })

  test('a farmer gets 报需求 and 我的需求, no centre links and no 管理 tab', async ({ client, assert }) => {
    const home = (await client.get('/').loginAs(await createUser())).text()
    assert.include(home, 'href="/consultations/new"')
    assert.include(home, 'href="/consultations"')
    assert.notInclude(home, 'href="/triage"')
    assert.notInclude(home, 'href="/admin')
  })

  test('a centre admin gets the centre links and the 管理 tab, marked current under /admin', async ({ client, assert }) => {
    const admin = await createUser({ roles: ['center_admin'], scopes: { center_admin: '5101' } })
    const home = (await client.get('/').loginAs(admin)).text()
    for (const path of ['/triage', '/admin/moderation/reviews', '/admin/visits', '/admin/experts/followups', '/admin/experts/exports']) assert.include(home, `href="${path}`)
    assert.match(home, /<a href="\/admin"\s*><span class="icon" aria-hidden="true">⚙<\/span>管理\s*<\/a>/)
    const adminPage = (await client.get('/admin/roles').loginAs(admin)).text()
    assert.match(adminPage, /<a href="\/admin"\s*aria-current="page"/)
  })

  test('我的资料 offers an expert application to a non-expert', async ({ client, assert }) => {
    const profile = await client.get('/profile').loginAs(await createUser())
    profile.assertStatus(200)
    assert.include(profile.text(), 'href="/experts/apply"')
  })
})
