import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { clock, DAY, HOUR, MINUTE } from '#core/clock'
import { boundFlashedInput, FLASHED_FIELD_LIMIT } from '#core/middleware/session_lifetime_middleware'
import { createUser, latestSmsCode } from '#tests/helpers'
import { assertSignedOut, Browser, signedIn, useDatabaseStore } from '#tests/fixtures/accounts/browser_client'

/*
 * Sessions as a browser lives them, over real HTTP against the database store
 * (tests/fixtures/accounts/browser_client.ts).
 */

test.group('Sessions / logout', (group) => {
  useDatabaseStore(group)

  test('the cookie holds only an id; copied cookies open nothing after logout', async ({ assert }) => {
    const user = await createUser()
    const phone = await signedIn(user)
    const profile = await phone.get('/profile')
    assert.equal(profile.status, 200)
    assert.include(profile.text, user.phone)
    assert.equal(Number((await db.from('sessions').where('user_id', String(user.id)).count('* as n').first()).n), 1)

    const copied = phone.copy()
    assert.equal((await copied.get('/profile')).status, 200, 'a copy works while the session lives')

    const out = await phone.submit('/profile', '/logout', {})
    assert.equal(out.location, '/login')
    assertSignedOut(await copied.get('/profile'), assert)
    assertSignedOut(await phone.get('/profile'), assert)
    assert.equal(Number((await db.from('sessions').where('user_id', String(user.id)).count('* as n').first()).n), 0)
  })
})

test.group('Sessions / sign out everywhere', (group) => {
  useDatabaseStore(group)

  test('a password reset signs out every other session of the person', async ({ assert }) => {
    const user = await createUser()
    const other = await createUser()
    const lost = await signedIn(user)
    const bystander = await signedIn(other)

    const resetter = new Browser()
    await resetter.submit('/password/reset', '/sms-codes', { phone: user.phone, purpose: 'reset_password' })
    const code = await latestSmsCode(user.phone)
    const reset = await resetter.submit('/password/reset', '/password/reset', { phone: user.phone, code, password: 'brand-new-password' })
    assert.equal(reset.location, '/login')

    assertSignedOut(await lost.get('/profile'), assert)
    assert.equal((await bystander.get('/profile')).status, 200, "another person's session goes on")
    const again = await new Browser().login(user, 'brand-new-password')
    assert.equal((await again.get('/profile')).status, 200)
  })

  test('a role grant and a role revoke each sign the holder out', async ({ assert }) => {
    const admin = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    const holder = await createUser({ county: '510104' })
    const adminPhone = await signedIn(admin)

    const before = await signedIn(holder)
    const granted = await adminPhone.submit(`/admin/roles/users/${holder.id}`, `/admin/roles/users/${holder.id}/grants`, { role: 'expert' })
    assert.equal(granted.location, `/admin/roles/users/${holder.id}`)
    assertSignedOut(await before.get('/profile'), assert)
    assert.equal((await adminPhone.get('/profile')).status, 200, 'the admin stays signed in')

    const afterGrant = await signedIn(holder)
    assert.include((await afterGrant.get('/profile')).text, '<span class="tag">专家</span>', 'signed in again, under the new role')
    const grant = await db.from('role_grants').where({ user_id: holder.id, role: 'expert' }).firstOrFail()
    const revoked = await adminPhone.submit(`/admin/roles/grants/${grant.id}/revoke`, `/admin/roles/grants/${grant.id}/revoke`, {})
    assert.equal(revoked.status, 302)
    assertSignedOut(await afterGrant.get('/profile'), assert)
  })
})

test.group('Sessions / idle timeout and lifetime', (group) => {
  useDatabaseStore(group)

  test('a farmer stays signed in for a week unused, not longer', async ({ assert }) => {
    const phone = await signedIn(await createUser())
    clock.travel(6 * DAY)
    assert.equal((await phone.get('/profile')).status, 200)
    clock.travel(6 * DAY)
    assert.equal((await phone.get('/profile')).status, 200, 'each use starts the week again')
    clock.travel(7 * DAY + MINUTE)
    assertSignedOut(await phone.get('/profile'), assert)
    const login = await phone.get('/login')
    assert.include(login.text, '登录已失效，请重新登录', 'the login page says why')
    assert.include(login.text, '请先登录')
  })

  test('centre staff and admins are signed out after 12 hours unused', async ({ assert }) => {
    for (const role of ['center_staff', 'center_admin', 'platform_admin'] as const) {
      clock.reset()
      const phone = await signedIn(await createUser({ roles: [role], scopes: { [role]: role === 'platform_admin' ? '51' : '510104' } }))
      clock.travel(11 * HOUR)
      assert.equal((await phone.get('/profile')).status, 200, role)
      clock.travel(12 * HOUR + MINUTE)
      assertSignedOut(await phone.get('/profile'), assert)
    }
  })

  test('however busy, a session ends 30 days after its login', async ({ assert }) => {
    const phone = await signedIn(await createUser())
    for (let day = 5; day < 30; day += 5) {
      clock.travel(5 * DAY)
      assert.equal((await phone.get('/profile')).status, 200, `day ${day}`)
    }
    clock.travel(5 * DAY + MINUTE)
    assertSignedOut(await phone.get('/profile'), assert)
  })
})

test.group('Sessions / flashed old input', (group) => {
  useDatabaseStore(group)

  test('a 10,000-character name is refused with its message and the next request is fine', async ({ assert }) => {
    const phone = await signedIn(await createUser())
    const refused = await phone.submit('/profile', '/profile', { name: '李'.repeat(10_000), county_code: '510104', village: '村'.repeat(30_000) })
    assert.equal(refused.status, 302)
    assert.isBelow(refused.setCookieBytes, 1_000, 'the cookies carry an id, not the input')
    assert.isBelow(phone.cookieHeader().length, 1_000)

    const next = await phone.get('/profile')
    assert.equal(next.status, 200)
    assert.include(next.text, '姓名不能超过 30 个字')
    assert.include(next.text, '李'.repeat(10_000), 'the name comes back whole, to correct')
    assert.include(next.text, '村/社区不能超过 60 个字')
    const village = /村{100,}/.exec(next.text)?.[0] ?? ''
    assert.equal(village.length, FLASHED_FIELD_LIMIT, 'a longer field comes back cut')
  })

  test('old input keeps texts to 10,000 characters and never keeps passwords, codes or files', ({ assert }) => {
    const bounded = boundFlashedInput({
      name: 'x'.repeat(50_000),
      phone: '13812345678',
      password: 'secret-password',
      password_confirmation: 'secret-password',
      code: '123456',
      _csrf: 'token',
      tags: ['a', 'b'.repeat(30_000)],
      photo: { tmpPath: '/tmp/upload', size: 10 },
    })
    assert.deepEqual(Object.keys(bounded), ['name', 'phone', 'tags'])
    assert.lengthOf(bounded.name as string, FLASHED_FIELD_LIMIT)
    assert.lengthOf((bounded.tags as string[])[1], FLASHED_FIELD_LIMIT)
  })
})
