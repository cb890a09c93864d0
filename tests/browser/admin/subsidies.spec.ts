import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { CARD, ID_NUMBER, readyCounty, YEAR } from '#tests/fixtures/admin/subsidies'

/*
 * 绩效与补贴 on a 360×640 phone (issue 18 §2): the 510104 county centre reads its people's year,
 * proposes its list, adjusts an amount with a reason (htmx) and enters a payee's numbers, which
 * come back masked — all inside the phone's width, with no JavaScript error.
 */
test.group('绩效与补贴 in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a county centre reads 绩效, proposes its list, adjusts a line and enters payment data, masked', async ({ browserContext, visit, assert }) => {
    const { countyStaff } = await readyCounty('510104')
    await browserContext.loginAs(countyStaff)
    const errors: string[] = []
    const performance = await visit(`/admin/performance?year=${YEAR}`)
    performance.on('pageerror', (error) => errors.push(error.message))
    await performance.assertTextContains('#performance-figures', '张专家')
    assert.isAtMost(await performance.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)

    const page = await visit(`/admin/subsidies?year=${YEAR}`)
    page.on('pageerror', (error) => errors.push(error.message))
    await page.getByRole('button', { name: '按规则生成' }).click()
    await page.assertTextContains('main', '已按规则生成名单')
    await page.assertTextContains('main', '系统建议 1100.00 元')
    await page.evaluate(() => ((globalThis as any).samePage = true))
    const line = page.locator('li', { hasText: '张专家' })
    await line.getByLabel(/金额/).fill('1500')
    await line.getByLabel('调整理由').fill('上门服务多')
    await line.getByRole('button', { name: '调整' }).click()
    await line.getByText('已调整：上门服务多').waitFor()
    assert.isTrue(await page.evaluate(() => (globalThis as any).samePage === true), 'the line was swapped in')
    assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)

    await line.getByRole('link', { name: '收款信息' }).click()
    await page.getByLabel('户名').fill('张专家')
    await page.getByLabel('开户银行').fill('成都农商银行')
    await page.getByLabel('身份证号').fill(ID_NUMBER)
    await page.getByLabel('银行卡号').fill(CARD)
    await page.getByRole('button', { name: '保存收款信息' }).click()
    await page.assertTextContains('#subsidy-payee', '510104********1237')
    assert.notInclude(await page.locator('#subsidy-payee').innerText(), ID_NUMBER)
    assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)
    assert.deepEqual(errors, [])
  })
})
