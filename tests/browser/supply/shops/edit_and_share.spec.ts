import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { currentSeason } from '#core/seasons'
import { makeProduct, makeShop } from '#tests/fixtures/supply/sellers'
import { newPhone } from '#tests/browser/phone'

const SEASON_NAMES = { spring: '春季', summer: '夏季', autumn: '秋季', winter: '冬季' } as const

/*
 * 农户微商 on a 360×640 phone: the owner edits a product into this season; a visitor finds it
 * in 应季产品 by city and county, opens it and shares it (分享: with no share sheet the link
 * is copied); without JavaScript there is no 分享 button.
 */
test.group('农户微商: editing, 应季产品 and 分享 in the browser (360×640)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the owner edits a product into this season; a visitor finds it in season and shares its link', async ({ browser, browserContext, visit, assert, cleanup }) => {
    const season = currentSeason()
    const other = season === 'summer' ? 'winter' : 'summer'
    const { owner, shop } = await makeShop({ county: '510129', name: '王大田的果园' })
    const product = await makeProduct(shop, { name: '红心猕猴桃', seasons: [other] })
    await browserContext.loginAs(owner)
    const page = await visit('/supply/shops/mine')
    await page.getByRole('link', { name: '编辑' }).click()
    await page.getByRole('heading', { name: '编辑“红心猕猴桃”' }).waitFor()
    await page.getByLabel('价格（元）').fill('9.5')
    await page.getByLabel(SEASON_NAMES[other]).uncheck()
    await page.getByLabel(SEASON_NAMES[season]).check()
    await page.getByRole('button', { name: '保存修改' }).click()
    await page.assertTextContains('main', '已保存修改。')
    await page.assertTextContains('.product-list', SEASON_NAMES[season])
    assert.isAtMost(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)

    const context = await newPhone(browser, { cleanup })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    // A phone browser without a share sheet: the copy-link fallback.
    await context.addInitScript(() => delete (globalThis as any).Navigator.prototype.share)
    const visitor = await context.newPage()
    await visitor.goto('/supply/in-season')
    await visitor.getByLabel('市（州）').selectOption('510100')
    await visitor.locator('#f-county_code').selectOption('510129')
    await visitor.getByText('9.50–12.00 元/斤').waitFor()
    await visitor.getByRole('link', { name: /红心猕猴桃/ }).click()
    await visitor.getByRole('link', { name: '红心猕猴桃' }).click()
    await visitor.getByRole('heading', { name: '红心猕猴桃' }).waitFor()
    await visitor.getByRole('button', { name: '分享' }).click()
    await visitor.getByText('链接已复制').waitFor()
    const copied = await visitor.evaluate(() => (globalThis as any).navigator.clipboard.readText())
    assert.match(copied, new RegExp(`/supply/shops/${shop.id}/products/${product.id}$`))
    assert.isAtMost(await visitor.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), 360)

    const noScript = await (await newPhone(browser, { cleanup }, { javaScript: false })).newPage()
    await noScript.goto(`/supply/shops/${shop.id}/products/${product.id}`)
    assert.isFalse(await noScript.getByRole('button', { name: '分享' }).isVisible())
  })
})
