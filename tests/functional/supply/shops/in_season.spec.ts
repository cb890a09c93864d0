import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { currentSeason, SEASONS } from '#core/seasons'
import { makeProduct, makeShop } from '#tests/fixtures/supply/sellers'

const now = currentSeason()
const other = SEASONS.find((season) => season !== now)!
const SEASON_NAMES = { spring: '春季', summer: '夏季', autumn: '秋季', winter: '冬季' } as const

test.group('Supply / 应季产品 per county', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("a county's list: products of this season on offer; not other seasons, all-year, sold-out, held or other counties'", async ({ client, assert }) => {
    const { shop } = await makeShop({ county: '510129', name: '大邑果园' })
    await makeProduct(shop, { name: '当季草莓', seasons: [now] })
    await makeProduct(shop, { name: '两季蜂蜜', seasons: [other, now] })
    await makeProduct(shop, { name: '别季雪梨', seasons: [other] })
    await makeProduct(shop, { name: '常年鸡蛋', seasons: [] })
    await makeProduct(shop, { name: '卖完的笋', seasons: [now], soldOut: true })
    await makeProduct(shop, { name: '待审的菜', seasons: [now], held: true })
    const { shop: heldShop } = await makeShop({ county: '510129', name: '被举报的店', held: true })
    await makeProduct(heldShop, { name: '藏起来的桃', seasons: [now] })
    const { shop: elsewhere } = await makeShop({ county: '510104', name: '锦江果园' })
    await makeProduct(elsewhere, { name: '锦江柑橘', seasons: [now] })

    const response = await client.get('/supply/in-season?county_code=510129')
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, `${SEASON_NAMES[now]}应季产品`)
    assert.include(html, '当季草莓')
    assert.include(html, '两季蜂蜜')
    assert.include(html, '大邑果园')
    assert.include(html, `href="/supply/shops/${shop.id}"`)
    for (const hidden of ['别季雪梨', '常年鸡蛋', '卖完的笋', '待审的菜', '藏起来的桃', '锦江柑橘']) assert.notInclude(html, hidden)
    // Newest first.
    assert.isBelow(html.indexOf('两季蜂蜜'), html.indexOf('当季草莓'))
    // The city (成都市) takes in both counties; all Sichuan without a filter.
    const city = (await client.get('/supply/in-season?city=5101')).text()
    assert.include(city, '锦江柑橘')
    assert.include(city, '当季草莓')
    assert.include((await client.get('/supply/in-season')).text(), '锦江柑橘')
  })

  test('industry filter, htmx fragment, empty state, and the shop list links here', async ({ client, assert }) => {
    const { shop } = await makeShop({ county: '510129' })
    await makeProduct(shop, { name: '当季草莓', seasons: [now] })
    const fragment = await client.get('/supply/in-season?county_code=510129').header('hx-request', 'true')
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '当季草莓')
    const empty = (await client.get('/supply/in-season?county_code=510129&industry=tea')).text()
    assert.include(empty, `这里还没有${SEASON_NAMES[now]}应季、有货的产品`)
    assert.notInclude(empty, '当季草莓')
    assert.include((await client.get('/supply/in-season?county_code=510129&industry=fruit')).text(), '当季草莓')
    assert.include((await client.get('/supply/shops?county_code=510129')).text(), 'href="/supply/in-season?county_code=510129"')
  })

  test('20 a page: the 21st is on page 2, with links both ways (no JS needed)', async ({ client, assert }) => {
    const { shop } = await makeShop({ county: '510129' })
    for (let i = 1; i <= 21; i++) await makeProduct(shop, { name: `产品${String(i).padStart(2, '0')}号`, seasons: [now] })
    const first = (await client.get('/supply/in-season?county_code=510129')).text()
    assert.include(first, '产品21号')
    assert.include(first, '产品02号')
    assert.notInclude(first, '产品01号')
    assert.include(first, 'href="/supply/in-season?county_code=510129&amp;page=2"')
    const second = (await client.get('/supply/in-season?county_code=510129&page=2')).text()
    assert.include(second, '产品01号')
    assert.notInclude(second, '产品02号')
    assert.include(second, 'href="/supply/in-season?county_code=510129&amp;page=1"')
  })
})
