import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Passkey from '#core/accounts/models/passkey'
import { passkeyConfig } from '#core/accounts/passkey_config'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser, submitHtmxForm } from '#tests/helpers'
import { Browser, signedIn, useDatabaseStore } from '#tests/fixtures/accounts/browser_client'
import { SoftAuthenticator, type Ceremony } from '#tests/fixtures/accounts/soft_authenticator'
import type User from '#core/accounts/models/user'
import { dirtyColumns, HOSTILE, RAW_MARKUP } from '#tests/fixtures/forms/suite'

/*
 * 通行密钥 over real HTTP with real answers: a software authenticator (ES256 keys of
 * node:crypto, tests/fixtures/accounts/soft_authenticator.ts) answers the server's
 * challenges, and @simplewebauthn/server checks them as it would a phone's.
 */

const ours = (challenge: string): Ceremony => ({ challenge, ...passkeyConfig() })

/** The two steps of adding a passkey, as resources/assets/passkeys.js takes them; `answer` may tamper with the ceremony. */
async function addPasskey(phone: Browser, authenticator: SoftAuthenticator, options: { name?: string; answer?: (ceremony: Ceremony) => Ceremony } = {}) {
  const csrf = await phone.csrfOf('/profile/passkeys')
  const given = await phone.postJson('/profile/passkeys/options', {}, csrf)
  const ceremony = ours(given.body.options.challenge)
  const credential = authenticator.register(options.answer ? options.answer(ceremony) : ceremony)
  return phone.postJson('/profile/passkeys', { name: options.name ?? '我的华为手机', credential }, csrf)
}

/** A signed-out phone signing in with the passkey: the options, then the assertion. */
async function passkeyLogin(phone: Browser, authenticator: SoftAuthenticator, options: { answer?: (ceremony: Ceremony) => Ceremony; counter?: number } = {}) {
  const csrf = await phone.csrfOf('/login')
  const given = await phone.postJson('/login/passkey/options', {}, csrf)
  const ceremony = ours(given.body.options.challenge)
  const credential = authenticator.assert(options.answer ? options.answer(ceremony) : ceremony, { counter: options.counter })
  const answer = await phone.postJson('/login/passkey', { credential }, csrf)
  return { ...answer, credential, csrf }
}

async function enrolled(user: User) {
  const authenticator = new SoftAuthenticator()
  const added = await addPasskey(await signedIn(user), authenticator)
  if (added.status !== 200) throw new Error(`passkey not added: ${JSON.stringify(added.body)}`)
  return authenticator
}

const passkeyCount = async (user: User) => Number((await db.from('passkeys').where('user_id', user.id).count('* as n').first()).n)

test.group('Passkeys / register and sign in', (group) => {
  useDatabaseStore(group)

  test('a person adds a passkey, then a signed-out phone signs in with it (counter and last use move on)', async ({ assert }) => {
    const user = await createUser({ name: '王大姐' })
    const phone = await signedIn(user)
    const authenticator = new SoftAuthenticator()
    const added = await addPasskey(phone, authenticator)
    assert.equal(added.status, 200)
    assert.deepEqual(added.body, { redirect: '/profile/passkeys' })
    const list = await phone.get('/profile/passkeys')
    assert.include(list.text, '我的华为手机')
    assert.include(list.text, '还没用过')

    const stored = await Passkey.findByOrFail('credential_id', authenticator.id)
    assert.equal(Number(stored.userId), user.id)
    assert.deepEqual(stored.transports, ['internal'])

    const other = new Browser()
    const login = await passkeyLogin(other, authenticator)
    assert.equal(login.status, 200)
    assert.deepEqual(login.body, { redirect: '/' })
    const profile = await other.get('/profile')
    assert.equal(profile.status, 200)
    assert.include(profile.text, user.phone)
    await stored.refresh()
    assert.equal(stored.counter, 1)
    assert.isNotNull(stored.lastUsedAt)
  })

  test('several passkeys per account, each listed by its name', async ({ assert }) => {
    const user = await createUser()
    const phone = await signedIn(user)
    assert.equal((await addPasskey(phone, new SoftAuthenticator(), { name: '荣耀手机' })).status, 200)
    assert.equal((await addPasskey(phone, new SoftAuthenticator(), { name: '家里的平板' })).status, 200)
    const list = (await phone.get('/profile/passkeys')).text
    assert.include(list, '荣耀手机')
    assert.include(list, '家里的平板')
    assert.equal(await passkeyCount(user), 2)
  })
})

test.group('Passkeys / refusals', (group) => {
  useDatabaseStore(group)

  // Each refused registration: what the phone answered, and what the person is told; nothing is stored.
  const refusedRegistrations: [string, () => SoftAuthenticator, ((ceremony: Ceremony) => Ceremony) | undefined, string][] = [
    ['answering another challenge', () => new SoftAuthenticator(), (ceremony) => ({ ...ceremony, challenge: 'c29tZS1vdGhlci1jaGFsbGVuZ2U' }), '这次验证与本站发出的请求不符，未通过。请重新操作一次。'],
    ['from another origin', () => new SoftAuthenticator(), (ceremony) => ({ ...ceremony, origin: 'https://sctech.example.com' }), '这次验证不是从本站发起的，未通过。'],
    ['without user verification (no fingerprint or face)', () => new SoftAuthenticator(false), undefined, '通行密钥验证未通过，请重试，或用短信验证码登录。'],
  ]
  for (const [how, authenticator, answer, message] of refusedRegistrations) {
    test(`a registration ${how} is refused in Chinese and stores nothing`, async ({ assert }) => {
      const user = await createUser()
      const refused = await addPasskey(await signedIn(user), authenticator(), { answer })
      assert.equal(refused.status, 422)
      assert.equal(refused.body.message, message)
      assert.equal(await passkeyCount(user), 0)
    })
  }

  test('an assertion from another origin is refused and signs nobody in', async ({ assert }) => {
    const authenticator = await enrolled(await createUser())
    const phone = new Browser()
    const login = await passkeyLogin(phone, authenticator, { answer: (ceremony) => ({ ...ceremony, origin: 'https://phishing.example.com' }) })
    assert.equal(login.status, 422)
    assert.equal(login.body.message, '这次验证不是从本站发起的，未通过。')
    assert.equal((await phone.get('/profile')).status, 302)
  })

  test('a replayed assertion is refused: its challenge was used, and a copy under a new challenge has a stale counter', async ({ assert }) => {
    const authenticator = await enrolled(await createUser())
    const first = new Browser()
    const login = await passkeyLogin(first, authenticator)
    assert.equal(login.status, 200)

    // The captured answer posted by a phone that was given no challenge (the one it answers was taken by the first login).
    const bare = new Browser()
    const again = await bare.postJson('/login/passkey', { credential: login.credential }, await bare.csrfOf('/login'))
    assert.equal(again.status, 422)
    assert.equal(again.body.message, '验证已过期或已经用过，请重新操作一次。')

    // The captured answer posted from another phone, after asking for a challenge of its own.
    const thief = new Browser()
    const csrf = await thief.csrfOf('/login')
    await thief.postJson('/login/passkey/options', {}, csrf)
    const stolen = await thief.postJson('/login/passkey', { credential: login.credential }, csrf)
    assert.equal(stolen.status, 422)
    assert.equal(stolen.body.message, '这次验证与本站发出的请求不符，未通过。请重新操作一次。')

    // A cloned authenticator signing the new challenge with the counter already seen.
    const cloned = await passkeyLogin(new Browser(), authenticator, { counter: 1 })
    assert.equal(cloned.status, 422)
    assert.equal(cloned.body.message, '这次验证已经用过，不能重复使用。请重新操作一次。')
    assert.equal((await thief.get('/profile')).status, 302)
  })

  for (const [kind, counter] of [['with a counter', undefined], ['that keeps no counter (always 0)', 0]] as const) {
    test(`two copies of one answer sent at once, from an authenticator ${kind}: exactly one signs in`, async ({ assert }) => {
      const authenticator = await enrolled(await createUser())
      const phone = new Browser()
      const csrf = await phone.csrfOf('/login')
      const given = await phone.postJson('/login/passkey/options', {}, csrf)
      const credential = authenticator.assert(ours(given.body.options.challenge), { counter })
      // Usually both read the session (and its challenge) before either writes it back: the
      // challenge is answered once (passkey_challenges), and a counter moves only from the value checked.
      const answers = await Promise.all([phone.copy(), phone.copy()].map((copy) => copy.postJson('/login/passkey', { credential }, csrf)))
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 422])
      assert.oneOf(answers.find((answer) => answer.status === 422)!.body.message, ['这次验证已经用过，不能重复使用。请重新操作一次。', '验证已过期或已经用过，请重新操作一次。'])
    })
  }

  test('an unknown passkey and a deactivated account are refused in Chinese', async ({ assert }) => {
    const unknown = await passkeyLogin(new Browser(), new SoftAuthenticator())
    assert.equal(unknown.status, 422)
    assert.equal(unknown.body.message, '没有找到这个通行密钥，它可能已被删除。请用短信验证码登录。')

    const user = await createUser()
    const authenticator = await enrolled(user)
    await db.from('users').where('id', user.id).update({ deactivated_at: DateTime.now().toJSDate(), deactivation_reason: '冒用他人身份' })
    const phone = new Browser()
    const refused = await passkeyLogin(phone, authenticator)
    assert.equal(refused.status, 422)
    assert.equal(refused.body.message, '该账号已被停用，无法登录。如有疑问请联系所在县运管中心。')
    assert.equal((await phone.get('/profile')).status, 302)
  })

  test('the sign-in and add forms posted without JavaScript say passkeys need it', async ({ assert }) => {
    const phone = new Browser()
    const response = await phone.submit('/login', '/login/passkey', {})
    assert.equal(response.status, 302)
    assert.include((await phone.get('/login')).text, '通行密钥需要浏览器开启 JavaScript，请用短信验证码登录。')

    const user = await createUser()
    const signed = await signedIn(user)
    const adding = await signed.submit('/profile/passkeys', '/profile/passkeys', { name: '我的手机' })
    assert.equal(adding.status, 302)
    const page = (await signed.get('/profile/passkeys')).text
    assert.include(page, '通行密钥需要浏览器开启 JavaScript，请用短信验证码登录。')
    assert.include(page, 'value="我的手机"', 'the name typed is kept')
    assert.equal(await passkeyCount(user), 0)
  })
})

test.group('Passkeys / bad input', (group) => {
  useDatabaseStore(group)

  test('hostile names of a real registration: kept as text (escaped on the page) or refused in Chinese, never a 5xx', async ({ assert }) => {
    const user = await createUser()
    const phone = await signedIn(user)
    const failures: string[] = []
    const checkStoredNames = async () => {
      const page = (await phone.get('/profile/passkeys')).text
      for (const markup of RAW_MARKUP) if (page.includes(markup)) failures.push(`the list reflects ${markup}`)
      for (const column of await dirtyColumns()) failures.push(`stored a control character in ${column}`)
      await db.from('passkeys').where('user_id', user.id).delete()
    }
    for (const hostile of HOSTILE) {
      // At most 10 passkeys per person: the earlier ones are cleared (after their names were checked below).
      if ((await passkeyCount(user)) >= 9) await checkStoredNames()
      const answer = await addPasskey(phone, new SoftAuthenticator(), { name: hostile.value })
      if (answer.status === 422 && /[\u4e00-\u9fff]/.test(String(answer.body.errors?.[0]?.message ?? answer.body.message))) continue
      if (answer.status !== 200) failures.push(`${hostile.name}: ${answer.status}`)
    }
    await checkStoredNames()
    assert.deepEqual(failures, [])
  })
})

test.group('Passkeys / rename and delete', (group) => {
  useDatabaseStore(group)

  test('a passkey is renamed, deleted after a confirmation, and another person cannot touch it', async ({ assert }) => {
    const user = await createUser()
    const phone = await signedIn(user)
    await addPasskey(phone, new SoftAuthenticator())
    const passkey = await Passkey.query().where('user_id', user.id).firstOrFail()

    const renamed = await phone.submit('/profile/passkeys', `/profile/passkeys/${passkey.id}`, { name: '旧手机' })
    assert.equal(renamed.status, 302)
    assert.include((await phone.get('/profile/passkeys')).text, '旧手机')

    const stranger = await signedIn(await createUser())
    assert.equal((await stranger.get(`/profile/passkeys/${passkey.id}/remove`)).status, 404)
    assert.equal((await stranger.submit('/profile/passkeys', `/profile/passkeys/${passkey.id}/remove`, {})).status, 404)
    assert.equal((await stranger.submit('/profile/passkeys', `/profile/passkeys/${passkey.id}`, { name: '我的' })).status, 404)

    const confirm = await phone.get(`/profile/passkeys/${passkey.id}/remove`)
    assert.include(confirm.text, '确定删除通行密钥“旧手机”吗？')
    const removed = await phone.submit(`/profile/passkeys/${passkey.id}/remove`, `/profile/passkeys/${passkey.id}/remove`, {})
    assert.equal(removed.location, '/profile/passkeys')
    assert.equal(await passkeyCount(user), 0)
    assert.equal(Number((await db.from('audit_log').where('action', 'account.passkey_remove').count('* as n').first()).n), 1)
  })
})

test.group('Passkeys / pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the list page, its htmx fragment, an empty state, and a rename answered with the list (htmx)', async ({ client, assert }) => {
    const user = await createUser()
    const empty = await client.get('/profile/passkeys').loginAs(user)
    empty.assertStatus(200)
    assert.include(empty.text(), '还没有通行密钥。')
    assert.include(empty.text(), '添加通行密钥')
    assert.match(empty.text(), /<script src="\/assets\/webauthn\.[0-9a-f]+\.js"/)

    const passkey = await Passkey.create({ userId: user.id, credentialId: 'Y3JlZGVudGlhbA', publicKey: Buffer.from([1]), counter: 0, transports: ['internal'], name: '我的手机', backedUp: false })
    const fragment = await client.get('/profile/passkeys').header('HX-Request', 'true').loginAs(user)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '我的手机')

    const renamed = await submitHtmxForm(client, `/profile/passkeys/${passkey.id}`, { name: '新手机' }, user)
    renamed.assertStatus(200)
    assert.include(renamed.text(), '名称已保存')
    assert.include(renamed.text(), '新手机')
    const blank = await submitHtmxForm(client, `/profile/passkeys/${passkey.id}`, { name: ' ' }, user)
    blank.assertStatus(422)
    assert.equal(blank.header('hx-retarget'), `#passkey-${passkey.id}-errors`)
  })

  test('the login page offers the passkey button beside the SMS code', async ({ client, assert }) => {
    const page = await client.get('/login')
    page.assertStatus(200)
    assert.include(page.text(), '用通行密钥登录（指纹/面容）')
    assert.include(page.text(), '获取验证码')
  })
})
