import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { createUser } from '#tests/helpers'
import { assertSignedOut, signedIn, useDatabaseStore, type Browser } from '#tests/fixtures/accounts/browser_client'

/*
 * 我的登录设备 over real HTTP and the database session store: a person signed in on two
 * phones sees both and signs one out; nobody reaches another person's session.
 */

/** Each listed device's sign-out handle, and whether it is the phone asking. */
function devicesOn(html: string) {
  return [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, item]) => ({
    handle: /\/profile\/devices\/([0-9a-f]{24})\/sign-out/.exec(item)![1],
    current: item.includes('当前设备'),
  }))
}

async function devicesOf(phone: Browser) {
  const page = await phone.get('/profile/devices')
  const devices = devicesOn(page.text)
  return { page, devices, handles: devices.map((device) => device.handle) }
}

test.group('Devices / my signed-in devices', (group) => {
  useDatabaseStore(group)

  test('lists both phones (this one marked) and signs the other out; this one stays signed in', async ({ assert }) => {
    const user = await createUser()
    const old = await signedIn(user)
    const phone = await signedIn(user)
    const { page, devices } = await devicesOf(phone)
    assert.equal(page.status, 200)
    assert.deepEqual(devices.map((device) => device.current).sort(), [false, true])
    const other = devices.find((device) => !device.current)!.handle
    const out = await phone.submit('/profile/devices', `/profile/devices/${other}/sign-out`, {})
    assert.equal(out.status, 302)
    assert.equal(out.location, '/profile/devices')
    assertSignedOut(await old.get('/profile'), assert)
    assert.equal((await phone.get('/profile')).status, 200)
    assert.lengthOf((await devicesOf(phone)).handles, 1)
  })

  test('a signed-out device stays out even when a request of it that was in flight writes its row back', async ({ assert }) => {
    const user = await createUser()
    const old = await signedIn(user)
    const phone = await signedIn(user)
    const before = await db.from('sessions').where('user_id', String(user.id)).select('*')
    const other = (await devicesOf(phone)).devices.find((device) => !device.current)!.handle
    await phone.submit('/profile/devices', `/profile/devices/${other}/sign-out`, {})
    const after = new Set((await db.from('sessions').where('user_id', String(user.id)).select('id')).map((row) => row.id))
    const gone = before.find((row) => !after.has(row.id))!
    // What the session store's write of that late request does: its row, as it was, again.
    await db.table('sessions').insert(gone)
    assertSignedOut(await old.get('/profile'), assert)
    assert.equal((await phone.get('/profile')).status, 200)
  })

  test('signing out this very device is a logout', async ({ assert }) => {
    const phone = await signedIn(await createUser())
    const [handle] = (await devicesOf(phone)).handles
    const out = await phone.submit('/profile/devices', `/profile/devices/${handle}/sign-out`, {})
    assert.equal(out.location, '/login')
    assertSignedOut(await phone.get('/profile'), assert)
  })

  test("a person cannot end another person's session (404) and it goes on", async ({ assert }) => {
    const victim = await signedIn(await createUser())
    const [handle] = (await devicesOf(victim)).handles
    const other = await signedIn(await createUser())
    const refused = await other.submit('/profile/devices', `/profile/devices/${handle}/sign-out`, {})
    assert.equal(refused.status, 404)
    assert.equal((await victim.get('/profile')).status, 200)
  })
})

test.group('Devices / page and fragment', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the full page and its htmx fragment list this device', async ({ client, assert }) => {
    const user = await createUser()
    const page = await client.get('/profile/devices').loginAs(user)
    page.assertStatus(200)
    assert.include(page.text(), '我的登录设备')
    const fragment = await client.get('/profile/devices').header('HX-Request', 'true').loginAs(user)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '退出这台设备')
  })
})
