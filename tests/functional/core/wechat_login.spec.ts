import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { Secret } from '@adonisjs/core/helpers'
import env from '#start/env'
import { assertRedirect, createUser, fieldErrors, latestSmsCode, submitForm } from '#tests/helpers'
import { clearRateLimits, HOSTILE, RAW_MARKUP } from '#tests/fixtures/forms/suite'
import { FAKE_APP_ID, FAKE_APP_SECRET, startFakeWechat, type FakeWechat } from '#tests/fixtures/core/wechat_oauth_server'

/*
 * 微信登录 (plan 五(三)3, issue 16 §4) against a local fake of WeChat's OAuth 2.0 for 网站应用
 * (tests/fixtures/core/wechat_oauth_server.ts): no network.
 */

let fake: FakeWechat

/** WeChat login on (pointed at the fake) or off (no AppID, as when WECHAT_APP_ID is unset). */
function configure(on: boolean, secret = FAKE_APP_SECRET) {
  env.set('WECHAT_APP_ID', on ? FAKE_APP_ID : '')
  if (on) env.set('WECHAT_APP_SECRET', new Secret(secret))
  env.set('WECHAT_OAUTH_BASE', on ? fake.url : '')
  env.set('WECHAT_API_BASE', on ? fake.url : '')
}

/** 微信登录 tapped, the QR code scanned on the fake: WeChat's redirect back (path and query), and the session holding the state. */
async function scan(client: any) {
  const start = await client.get('/login/wechat').redirects(0)
  start.assertStatus(302)
  const authorize = start.header('location') as string
  const back = await fetch(authorize, { redirect: 'manual' })
  const callback = new URL(back.headers.get('location')!)
  return { authorize, session: start.session(), callback: `${callback.pathname}${callback.search}`, params: callback.searchParams }
}

/** Scans and comes back: the callback's answer. */
async function scanAndReturn(client: any) {
  const { session, callback } = await scan(client)
  return client.get(callback).withSession(session).redirects(0)
}

/** Whether a session (a response's) is signed in: 我的资料 opens. */
async function signedIn(client: any, session: Record<string, unknown>) {
  const page = await client.get('/profile').withSession(session).redirects(0)
  return page.status() === 200
}

/** The phone step: asks for the login code with the pending session, then posts phone + code. */
async function linkPhone(client: any, session: Record<string, unknown>, phone: string) {
  await clearRateLimits()
  await submitForm(client, '/sms-codes', { phone, purpose: 'login' }).withSession(session)
  return submitForm(client, '/login/wechat/link', { phone, code: await latestSmsCode(phone) }).withSession(session)
}

test.group('Accounts / 微信登录', (group) => {
  group.setup(async () => {
    fake = await startFakeWechat()
    return async () => {
      configure(false)
      await fake.close()
    }
  })
  group.each.setup(() => {
    configure(true)
    fake.scanAs({ openid: 'o_wang_datian', unionid: 'u_wang_datian', nickname: '王大田' })
    return testUtils.db().withGlobalTransaction()
  })

  test('not configured: no button on the login page and its routes are 404', async ({ client, assert }) => {
    configure(false)
    const login = await client.get('/login')
    assert.notInclude(login.text(), '微信登录')
    ;(await client.get('/login/wechat').redirects(0)).assertStatus(404)
    ;(await client.get('/login/wechat/callback?code=x&state=y').redirects(0)).assertStatus(404)
    configure(true)
    assert.include((await client.get('/login')).text(), 'href="/login/wechat"')
  })

  test("the authorize URL is WeChat's qrconnect with appid, redirect_uri, code, snsapi_login and the session's state", async ({ client, assert }) => {
    const start = await client.get('/login/wechat').redirects(0)
    const location = new URL(start.header('location')!)
    assert.equal(`${location.origin}${location.pathname}`, `${fake.url}/connect/qrconnect`)
    assert.equal(location.hash, '#wechat_redirect')
    assert.equal(location.searchParams.get('appid'), FAKE_APP_ID)
    assert.equal(location.searchParams.get('response_type'), 'code')
    assert.equal(location.searchParams.get('scope'), 'snsapi_login')
    assert.match(location.searchParams.get('redirect_uri')!, /\/login\/wechat\/callback$/)
    const state = location.searchParams.get('state')!
    assert.isAtLeast(state.length, 32)
    assert.equal(start.session().wechat_state, state)
    // A second tap: a new state.
    const again = new URL((await client.get('/login/wechat').redirects(0)).header('location')!)
    assert.notEqual(again.searchParams.get('state'), state)
  })

  test('full round-trip: the first login asks for the phone and links; later logins are by openid alone', async ({ client, assert }) => {
    const farmer = await createUser({ county: '510129', name: '王大田' })
    const first = await scanAndReturn(client)
    assertRedirect(first, '/login/wechat/link')
    assert.isFalse(await signedIn(client, first.session()))
    const token = fake.requests.find((request) => request.path === '/sns/oauth2/access_token')!
    assert.equal(token.query.appid, FAKE_APP_ID)
    assert.equal(token.query.secret, FAKE_APP_SECRET)
    assert.equal(token.query.grant_type, 'authorization_code')
    assert.exists(fake.requests.find((request) => request.path === '/sns/userinfo' && request.query.openid === 'o_wang_datian'))

    const page = await client.get('/login/wechat/link').withSession(first.session())
    page.assertStatus(200)
    assert.include(page.text(), '第一次用微信“王大田”登录')
    const linked = await linkPhone(client, first.session(), farmer.phone)
    assertRedirect(linked, '/')
    assert.equal(linked.flashMessages().success, '已绑定微信，以后可以直接用微信登录。')
    assert.isTrue(await signedIn(client, linked.session()))
    const identity = await db.from('wechat_identities').where('openid', 'o_wang_datian').firstOrFail()
    assert.equal(Number(identity.user_id), farmer.id)
    assert.equal(identity.unionid, 'u_wang_datian')
    assert.exists(await db.from('audit_log').where({ action: 'account.wechat_link', subject_id: String(farmer.id) }).first())

    // Next time: straight in, no phone asked.
    const later = await scanAndReturn(client)
    assertRedirect(later, '/')
    assert.isTrue(await signedIn(client, later.session()))
  })

  test('a wrong state is refused in Chinese, and WeChat is never asked for a token', async ({ client, assert }) => {
    await createUser({ county: '510129' })
    const { session, params } = await scan(client)
    const requestsBefore = fake.requests.length
    const forged = await client.get(`/login/wechat/callback?code=${params.get('code')}&state=forged-state-000000000000000000`).withSession(session).redirects(0)
    assertRedirect(forged, '/login')
    assert.include(forged.flashMessages().error, '微信登录已失效或不是从本站发起的')
    // Without any state in the session (a callback opened in another browser): refused as well.
    const elsewhere = await client.get(`/login/wechat/callback?code=${params.get('code')}&state=${params.get('state')}`).redirects(0)
    assert.include(elsewhere.flashMessages().error, '微信登录已失效')
    assert.equal(fake.requests.length, requestsBefore)
    assert.isFalse(await signedIn(client, forged.session()))
  })

  test('a replayed callback is refused (the state works once); a replayed code is refused by WeChat (40163), in Chinese', async ({ client, assert }) => {
    const { session, callback, params } = await scan(client)
    const ok = await client.get(callback).withSession(session).redirects(0)
    assertRedirect(ok, '/login/wechat/link')
    // The same callback again, in the session it left: no state any more.
    const replayed = await client.get(callback).withSession(ok.session()).redirects(0)
    assertRedirect(replayed, '/login')
    assert.include(replayed.flashMessages().error, '微信登录已失效')
    // The same code with a fresh state: WeChat says 40163 code been used.
    const fresh = await client.get('/login/wechat').redirects(0)
    const state = new URL(fresh.header('location')!).searchParams.get('state')
    const reused = await client.get(`/login/wechat/callback?code=${params.get('code')}&state=${state}`).withSession(fresh.session()).redirects(0)
    assertRedirect(reused, '/login')
    assert.equal(reused.flashMessages().error, '微信登录码无效或已使用过，请重新点击“微信登录”扫码。')
    assert.isFalse(await signedIn(client, reused.session()))
  })

  test('errcodes are refused with a Chinese message: 40029 invalid code, a wrong secret (40125), a declined scan', async ({ client, assert }) => {
    const start = await client.get('/login/wechat').redirects(0)
    const state = new URL(start.header('location')!).searchParams.get('state')
    const invalid = await client.get(`/login/wechat/callback?code=not-a-code&state=${state}`).withSession(start.session()).redirects(0)
    assertRedirect(invalid, '/login')
    assert.equal(invalid.flashMessages().error, '微信登录码无效或已使用过，请重新点击“微信登录”扫码。')

    configure(true, 'a-wrong-secret')
    const wrongSecret = await scanAndReturn(client)
    assertRedirect(wrongSecret, '/login')
    assert.equal(wrongSecret.flashMessages().error, '微信没有通过这次登录（错误码 40125），请稍后再试，或用短信验证码登录。')

    configure(true)
    fake.declineNext()
    const declined = await scanAndReturn(client)
    assertRedirect(declined, '/login')
    assert.include(declined.flashMessages().error, '您没有同意微信授权')
    assert.lengthOf(await db.from('wechat_identities'), 0)
  })

  test('WeChat unreachable: refused in Chinese, not a 500', async ({ client, assert }) => {
    const { session, callback } = await scan(client)
    env.set('WECHAT_API_BASE', 'http://127.0.0.1:9')
    const response = await client.get(callback).withSession(session).redirects(0)
    assertRedirect(response, '/login')
    assert.include(response.flashMessages().error, '暂时连不上微信')
  })

  test('an already-linked WeChat cannot be linked to a second account; an account with a WeChat takes no second one', async ({ client, assert }) => {
    const first = await createUser({ county: '510129' })
    const second = await createUser({ county: '510104' })
    // Two browsers bring the same new WeChat to the phone step.
    const one = await scanAndReturn(client)
    const two = await scanAndReturn(client)
    assertRedirect(await linkPhone(client, one.session(), first.phone), '/')
    const refused = await linkPhone(client, two.session(), second.phone)
    refused.assertStatus(302)
    assert.include(fieldErrors(refused, 'phone').join(' '), '这个微信已经绑定了别的账号')
    assert.isFalse(await signedIn(client, refused.session()))

    // Another WeChat, and the phone of the account that has one already.
    fake.scanAs({ openid: 'o_someone_else', nickname: '李四' })
    const other = await scanAndReturn(client)
    const taken = await linkPhone(client, other.session(), first.phone)
    assert.include(fieldErrors(taken, 'phone').join(' '), '这个手机号的账号已经绑定了另一个微信')
    const identities = await db.from('wechat_identities')
    assert.lengthOf(identities, 1)
    assert.equal(Number(identities[0].user_id), first.id)
  })

  test('the phone step: a wrong code is refused in Chinese; without a WeChat waiting (or after 10 minutes) it goes back to login', async ({ client, assert }) => {
    const farmer = await createUser({ county: '510129' })
    const { session } = await scanAndReturn(client).then((response: any) => ({ session: response.session() }))
    const wrong = await submitForm(client, '/login/wechat/link', { phone: farmer.phone, code: '000000' }).withSession(session)
    wrong.assertStatus(302)
    assert.isNotEmpty(fieldErrors(wrong, 'code'))
    assert.lengthOf(await db.from('wechat_identities'), 0)

    const none = await client.get('/login/wechat/link').redirects(0)
    assertRedirect(none, '/login')
    assert.include(none.flashMessages().error, '微信登录已超时')
    const posted = await submitForm(client, '/login/wechat/link', { phone: farmer.phone, code: '123456' })
    assertRedirect(posted, '/login')

    const stale = { ...session, wechat_pending: { ...(session.wechat_pending as object), until: Date.now() - 1 } }
    assertRedirect(await client.get('/login/wechat/link').withSession(stale).redirects(0), '/login')
  })

  test('hostile strings in the phone step: a Chinese message, never a 500 or raw markup', async ({ client, assert }) => {
    const farmer = await createUser({ county: '510129' })
    const pending = (await scanAndReturn(client)).session()
    for (const field of ['phone', 'code']) {
      for (const hostile of HOSTILE) {
        const form = { phone: farmer.phone, code: '123456', [field]: hostile.value }
        const response = await client.post('/login/wechat/link').header('accept', 'text/html').withCsrfToken().withSession(pending).redirects(0).json(form)
        assert.equal(response.status(), 302, `${field} ${hostile.name}`)
        assert.match(fieldErrors(response, field).join(' '), /\p{Script=Han}/u, `${field} ${hostile.name}`)
        for (const markup of RAW_MARKUP) assert.notInclude(response.text(), markup)
      }
    }
    assert.lengthOf(await db.from('wechat_identities'), 0)
  })
})
