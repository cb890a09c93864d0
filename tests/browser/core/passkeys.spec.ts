import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Passkey from '#core/accounts/models/passkey'
import { createUser } from '#tests/helpers'
import { PHONE_VIEWPORT } from '#tests/browser/phone'

/*
 * 通行密钥 as a farmer uses it on a 360×640 phone: Chromium's virtual authenticator (DevTools
 * protocol WebAuthn.*) stands in for the phone's fingerprint sensor — a platform
 * authenticator (ctap2, internal) that verifies its user — and the real navigator.credentials,
 * SimpleWebAuthn's browser half and our glue run against the server's checks.
 */
test.group('Passkeys in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('add a passkey, sign out, sign in with the passkey', async ({ browserContext, visit, assert }) => {
    const user = await createUser({ name: '王大姐' })
    await browserContext.loginAs(user)
    const errors: string[] = []
    browserContext.on('page', (opened) => {
      opened.on('pageerror', (error) => errors.push(error.message))
      opened.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    })
    const page = await visit('/profile/passkeys')
    assert.deepEqual(page.viewportSize(), PHONE_VIEWPORT)

    const cdp = await browserContext.newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    })

    await page.assertTextContains('main', '还没有通行密钥。')
    await page.getByLabel('名称').first().fill('我的华为手机')
    await page.getByRole('button', { name: '添加通行密钥' }).click()
    await page.assertTextContains('.flash.success', '通行密钥已添加')
    await page.assertTextContains('#passkey-list', '我的华为手机')
    await page.assertTextContains('#passkey-list', '还没用过')
    assert.equal((await Passkey.query().where('user_id', user.id)).length, 1)

    await page.goto('/profile')
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.assertPath('/login')
    await page.assertTextContains('nav.tabbar', '登录')

    await page.getByRole('button', { name: '用通行密钥登录（指纹/面容）' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await page.assertTextContains('nav.tabbar', '我的')
    await page.goto('/profile/passkeys')
    await page.assertNotExists('text=还没用过')
    const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth)
    assert.isAtMost(scrollWidth, PHONE_VIEWPORT.width)
    assert.deepEqual(errors, [])
  })
})
