import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser } from '#tests/helpers'
import { smallPhoto } from '#tests/fixtures/media/generate'
import { newPhone } from '#tests/browser/phone'

/*
 * 农户微商 on a 360×640 phone (issue 16's browser journey): a farmer opens a shop, adds a
 * product with a photo through the photo picker, toggles it sold out; a visitor finds the
 * shop by county and industry, sees the product sold out and copies the shop's WeChat id.
 */
test.group('农户微商 in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a farmer opens a shop, adds a product with a photo, toggles sold out; a visitor finds it by county and industry and copies its WeChat id', async ({ browser, browserContext, visit, assert, cleanup }) => {
    await browserContext.loginAs(await createUser({ county: '510129', name: '王大田' }))
    const page = await visit('/supply/shops/mine')
    await page.getByLabel('微商名称').fill('王大田的果园')
    await page.getByLabel('市（州）').first().selectOption('510100')
    await page.locator('#f-county_code').selectOption('510129')
    await page.locator('#f-industry').selectOption('fruit')
    await page.getByLabel('微信号').fill('wangdatian01')
    await page.getByRole('button', { name: '开通微商' }).click()
    await page.assertTextContains('main', '已保存。')

    await page.locator('#f-photos').setInputFiles({ name: 'kiwi.jpg', mimeType: 'image/jpeg', buffer: await smallPhoto({ width: 800, height: 600 }) })
    await page.assertElementsCount('[data-picker-thumbs] li', 1)
    await page.getByLabel('产品名称').fill('红心猕猴桃')
    await page.getByLabel('单位').fill('斤')
    await page.getByLabel('价格（元）').fill('8')
    await page.getByLabel('最高价（元，可选）').fill('12')
    await page.getByRole('button', { name: '添加产品' }).click()
    await page.assertTextContains('main', '产品已添加。')
    await page.assertTextContains('.product-list', '红心猕猴桃')
    await page.assertExists('.product-list img')

    await page.evaluate(() => ((globalThis as any).samePage = true))
    await page.getByRole('button', { name: '标记为售罄' }).click()
    await page.assertTextContains('.product-list', '已标记为售罄。')
    await page.getByRole('button', { name: '恢复有货' }).waitFor()
    assert.isTrue(await page.evaluate(() => (globalThis as any).samePage === true), 'the row was swapped, not the page reloaded')
    assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)

    const phone = await newPhone(browser, { cleanup })
    const visitor = await phone.newPage()
    await visitor.goto('/supply/shops')
    await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(visitor.url()).origin })
    await visitor.locator('#f-industry').selectOption('fruit')
    await visitor.getByLabel('市（州）').selectOption('510100')
    await visitor.locator('#f-county_code').selectOption('510129')
    await visitor.getByRole('link', { name: /王大田的果园/ }).click()
    await visitor.getByText('已售罄').waitFor()
    assert.include(await visitor.locator('main').innerText(), '8.00–12.00 元/斤')
    // 复制 puts the WeChat id on the clipboard, for WeChat's 添加朋友.
    await visitor.getByRole('button', { name: '复制' }).click()
    await visitor.getByText('微信号已复制').waitFor()
    assert.equal(await visitor.evaluate(() => (globalThis as any).navigator.clipboard.readText()), 'wangdatian01')
    assert.isAtMost(await visitor.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)
  })
})
