import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { raisedAlert } from '#tests/fixtures/admin/outbreaks'
import { staffOf } from '#tests/fixtures/experts/consultations'

/*
 * 疫情预警 on a 360×640 phone (issue 18 §5): the county centre opens its alert from the list,
 * reads the cases inside the phone's width, is told a reason is needed, and dismisses it (htmx).
 */
test.group('疫情预警 in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the county centre opens its alert, dismisses it with a reason in place', async ({ browserContext, visit, assert }) => {
    await raisedAlert()
    await browserContext.loginAs(await staffOf('510104'))
    const page = await visit('/admin/outbreaks')
    await page.getByRole('link', { name: /锦江区 · 川果/ }).click()
    await page.assertTextContains('#outbreak', '本期 3 条')
    assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)
    await page.evaluate(() => ((globalThis as any).samePage = true))
    await page.getByRole('button', { name: '排除' }).click()
    await page.assertTextContains('#outbreak-errors', '请填写排除理由')
    await page.getByLabel('排除理由').fill('同一农户重复提问')
    await page.getByRole('button', { name: '排除' }).click()
    await page.assertTextContains('#outbreak', '已排除该预警')
    assert.isTrue(await page.evaluate(() => (globalThis as any).samePage === true), 'swapped in by htmx')
    await page.assertTextContains('#outbreak', '排除理由：同一农户重复提问')
  })
})
