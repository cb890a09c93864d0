import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Page } from 'playwright'
import User from '#core/accounts/models/user'
import { createUser } from '#tests/helpers'
import { PHONE_VIEWPORT } from '#tests/browser/phone'

/*
 * 用户管理 on a 360×640 phone (issue 18 §7): the city admin finds a person by name, opens
 * them and deactivates the account with a reason (htmx swaps the account panel), then gives
 * it back; nothing is wider than the phone and no script fails.
 */

async function assertFitsPhone(page: Page, assert: any) {
  const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth)
  assert.isAtMost(scrollWidth, PHONE_VIEWPORT.width, `${page.url()} is wider than the phone`)
}

test.group('用户管理 in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('search, open, deactivate with a reason, reactivate', async ({ browserContext, visit, assert }) => {
    const person = await createUser({ county: '510129', name: '王大田', roles: ['info_officer'] })
    await browserContext.loginAs(await createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '5101' }, name: '钱主任' }))
    const errors: string[] = []
    browserContext.on('page', (opened) => {
      opened.on('pageerror', (error) => errors.push(error.message))
      opened.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    })

    const page = await visit('/admin/users')
    await page.getByLabel('手机号或姓名').fill('王大田')
    await page.waitForURL(/q=/)
    await page.assertTextContains('#user-list', person.maskedPhone)
    await assertFitsPhone(page, assert)

    await page.locator('#user-list').getByRole('link', { name: '查看' }).click()
    await page.assertPath(`/admin/users/${person.id}`)
    await page.assertTextContains('main', '信息员')
    await assertFitsPhone(page, assert)

    await page.getByLabel('原因').fill('冒用他人身份注册')
    await page.getByRole('button', { name: '停用账号' }).click()
    await page.assertTextContains('#account', '账号已停用，该用户已退出所有设备')
    await page.assertTextContains('#account', '冒用他人身份注册')
    assert.isNotNull((await User.findOrFail(person.id)).deactivatedAt)

    await page.getByLabel('原因').fill('本人申请恢复')
    await page.getByRole('button', { name: '恢复账号' }).click()
    await page.assertTextContains('#account', '账号已恢复，可以重新登录')
    assert.isNull((await User.findOrFail(person.id)).deactivatedAt)
    assert.deepEqual(errors, [])
  })
})
