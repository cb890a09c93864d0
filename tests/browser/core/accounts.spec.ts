import { mkdir } from 'node:fs/promises'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Page } from 'playwright'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import pg from 'pg'
import User from '#core/accounts/models/user'
import { createUser, latestSmsCode, PASSWORD } from '#tests/helpers'
import { newPhone, PHONE_VIEWPORT } from '#tests/browser/phone'

/*
 * Sign-up, logout and login as a person does it on a 360×640 phone, once with
 * JavaScript (htmx swaps in the "code sent" line, the button counts down) and once
 * without (the "获取验证码" button is a second submit button and the page reloads).
 *
 * Isolation: the browser talks to the HTTP server inside this very process, so the
 * app's queries run inside the global transaction too and are rolled back after each
 * test. The first test checks that: its new account is visible inside the
 * transaction and invisible to a separate connection.
 */

const NEW_PASSWORD = 'rural-pass-2024'

let nextPhone = 13700008000
/** Unique per test even if the rollback ever stopped working. */
const freshPhone = () => String(++nextPhone)

/** What a separate connection (outside the test's global transaction) sees. */
async function committedUserCount(phone: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    const result = await client.query('SELECT count(*)::int AS n FROM users WHERE phone = $1', [phone])
    return result.rows[0].n as number
  } finally {
    await client.end()
  }
}

async function fillSignupRest(page: Page, phone: string) {
  await page.getByLabel('短信验证码').fill(await latestSmsCode(phone))
  // Optional now (farmers sign in by SMS code); set here so the password form can be tried too.
  await page.locator('#f-password').fill(NEW_PASSWORD)
  await page.getByRole('button', { name: '注册', exact: true }).click()
  await page.assertPath('/profile')
  await page.assertTextContains('h1', '我的资料')
  await page.assertTextContains('main', '注册成功')
  await page.assertTextContains('main', phone)
}

async function logoutThenLogin(page: Page, phone: string) {
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.assertPath('/login')
  await page.assertTextContains('main', '您已退出登录')
  await page.assertTextContains('nav.tabbar', '登录')

  // 手机号 + 短信验证码, the default form (with JavaScript the code request stays on the page).
  // The sign-up code went out seconds ago: lift the one-per-minute limit a person would wait out.
  await db.connection('limiter').from('rate_limits').delete()
  await page.getByLabel('手机号').fill(phone)
  const before = await latestSmsCodeOrNull(phone)
  await page.getByRole('button', { name: '获取验证码' }).click()
  await page.assertTextContains('main', '验证码已发送')
  await page.assertInputValue('#f-phone', phone)
  const code = await latestSmsCode(phone)
  if (code === before) throw new Error('no new login code was texted')
  await page.getByLabel('短信验证码').fill(code)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.assertPath('/')
  await page.assertTextContains('nav.tabbar', '我的')
}

async function latestSmsCodeOrNull(phone: string) {
  try {
    return await latestSmsCode(phone)
  } catch {
    return null
  }
}

test.group('Accounts in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('sign up with JavaScript: htmx sends the code and the button counts down; logout; login', async ({
    visit,
    assert,
  }) => {
    const phone = freshPhone()
    const page = await visit('/signup')
    assert.deepEqual(page.viewportSize(), PHONE_VIEWPORT)

    await page.getByLabel('手机号').fill(phone)
    const sendCode = page.getByRole('button', { name: '获取验证码' })
    await sendCode.click()

    await page.assertTextContains('#sms-status', '验证码已发送')
    await page.assertPath('/signup')
    await page.assertDisabled('[data-sms-button]')
    await page.assertTextContains('[data-sms-button]', '秒')
    await page.assertInputValue('#f-phone', phone)

    await fillSignupRest(page, phone)

    // The account is there for the app, but only inside this test's transaction.
    assert.isNotNull(await User.findBy('phone', phone))
    assert.equal(await committedUserCount(phone), 0, 'browser requests ran inside the global transaction')

    await logoutThenLogin(page, phone)
  })

  test('sign up without JavaScript: "获取验证码" submits the form and the page keeps the phone; logout; login', async ({
    browser,
    test: current,
    assert,
  }) => {
    const phone = freshPhone()
    const context = await newPhone(browser, current, { javaScript: false })
    const page = await context.visit('/signup')
    assert.deepEqual(page.viewportSize(), PHONE_VIEWPORT)

    await page.getByLabel('手机号').fill(phone)
    await page.getByRole('button', { name: '获取验证码' }).click()

    await page.assertPath('/signup')
    await page.assertTextContains('.flash.success', '验证码已发送')
    await page.assertInputValue('#f-phone', phone)
    await page.assertNotDisabled('[data-sms-button]')

    await fillSignupRest(page, phone)
    await logoutThenLogin(page, phone)
  })

  test('a wrong password says so in Chinese next to the field and keeps the phone', async ({ visit }) => {
    const user = await createUser()
    const page = await visit('/login?with=password')

    await page.getByLabel('手机号').fill(user.phone)
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD + '-wrong')
    await page.getByRole('button', { name: '登录', exact: true }).click()

    await page.assertPath('/login')
    await page.assertText('#f-password-error', '手机号或密码不正确')
    await page.assertExists('#f-password[aria-invalid="true"][aria-describedby="f-password-error"]')
    await page.assertInputValue('#f-phone', user.phone)
    await page.assertInputValue('#f-password', '')
    await page.assertTextContains('nav.tabbar', '登录')
  })

  test('the login page at 360×640 (screenshot for a human look)', async ({ visit, assert }) => {
    const page = await visit('/login')
    // Nothing may be wider than the phone: no sideways scrolling.
    const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth)
    assert.isAtMost(scrollWidth, PHONE_VIEWPORT.width)
    await page.assertVisible('nav.tabbar')

    await mkdir(app.tmpPath('screenshots'), { recursive: true })
    await page.screenshot({ path: app.tmpPath('screenshots/login.png') })
  })
})
