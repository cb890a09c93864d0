import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser } from '#tests/helpers'
import { staffOf } from '#tests/fixtures/experts/consultations'
import { seedDayi } from '#tests/fixtures/experts/officers'
import { newPhone } from '#tests/browser/phone'

/*
 * 申请成为信息员 on a 360×640 phone: a 大邑县 villager applies for 凤凰村 (with JavaScript
 * the form posts through htmx and lands on 我的信息员资料), and the county centre's staff
 * member verifies them on a phone of their own; the officer then sees they are verified.
 */
test.group('信息员 in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a user applies as 信息员 and a county staff member verifies them', async ({ browser, browserContext, visit, assert, test: current }) => {
    await seedDayi()
    const applicant = await createUser({ county: '510129', name: '吴老师' })
    await browserContext.loginAs(applicant)
    const page = await visit('/officers/apply')
    await page.assertTextContains('main', '所在区县')
    await page.getByLabel('服务的村').selectOption('510129102001')
    await page.getByLabel('教师').check()
    await page.getByLabel('工作单位').fill('王泗镇中心小学')
    await page.getByLabel('申请说明').fill('周末回村帮父母种猕猴桃，想帮乡亲们问问专家')
    await page.getByRole('button', { name: '提交申请' }).click()
    await page.waitForURL('**/officers/me')
    await page.assertTextContains('main', '县运管中心正在审核您的申请。')
    assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)

    const staffPhone = await newPhone(browser, current)
    await staffPhone.loginAs(await staffOf('510129'))
    const review = await staffPhone.newPage()
    await review.goto('/admin/experts/officers')
    await review.getByRole('link', { name: /吴老师/ }).click()
    await review.assertTextContains('main', '王泗镇 凤凰村')
    await review.assertTextContains('main', '教师')
    assert.isAtMost(await review.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)
    await review.getByRole('button', { name: '认证通过' }).click()
    await review.waitForURL('**/admin/experts/officers')
    await review.assertTextContains('main', '已认证为信息员')
    await review.assertTextContains('main', '没有待审核的信息员申请')

    await page.reload()
    await page.assertTextContains('main', '已认证')
    await page.assertTextContains('main', '王泗镇 凤凰村')
  })
})
