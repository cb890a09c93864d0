import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser } from '#tests/helpers'
import { makeSeller } from '#tests/fixtures/supply/sellers'

/** Words of a shopping cart or a payment: the platform never offers either (issue 16). */
const SALE_WORDS = ['购物车', '加入购物', '立即购买', '下单', '支付', '付款', '结算', 'checkout', 'cart']

test.group('Supply / browsing selected sellers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('/supply lists selected sellers only, as a full page, and offers no cart or payment', async ({ client, assert }) => {
    await makeSeller({ name: '锦江入选电商' })
    await makeSeller({ name: '锦江待审电商', status: 'proposed' })
    await makeSeller({ name: '锦江移除电商', status: 'removed' })
    const page = await client.get('/supply')
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '<html')
    assert.include(html, '锦江入选电商')
    assert.include(html, '成都市 锦江区')
    assert.include(html, '川果')
    assert.include(html, '共 1 家入选电商')
    assert.notInclude(html, '锦江待审电商')
    assert.notInclude(html, '锦江移除电商')
    for (const word of SALE_WORDS) assert.notInclude(html, word)
  })

  test('filters by county, city, industry and kind; htmx gets the list alone', async ({ client, assert }) => {
    await makeSeller({ name: '锦江果品', county: '510104', industries: ['fruit'] })
    await makeSeller({ name: '大邑种子', county: '510129', kind: 'materials', industries: ['seed'] })
    await makeSeller({ name: '绵阳茶叶', county: '510703', industries: ['tea'] })

    const county = await client.get('/supply?county_code=510129').header('HX-Request', 'true')
    county.assertStatus(200)
    assert.include(county.header('vary'), 'HX-Request')
    assert.notInclude(county.text(), '<html')
    assert.include(county.text(), '大邑种子')
    assert.notInclude(county.text(), '锦江果品')

    const city = (await client.get('/supply?city=510100')).text()
    assert.include(city, '锦江果品')
    assert.include(city, '大邑种子')
    assert.notInclude(city, '绵阳茶叶')

    const industry = (await client.get('/supply?industry=tea')).text()
    assert.include(industry, '绵阳茶叶')
    assert.notInclude(industry, '锦江果品')

    const kind = (await client.get('/supply?kind=materials')).text()
    assert.include(kind, '大邑种子')
    assert.notInclude(kind, '绵阳茶叶')
  })

  test('a filter that cannot be ours is dropped, not an error', async ({ client, assert }) => {
    await makeSeller({ name: '锦江果品' })
    const page = await client.get('/supply?county_code=110101&industry=<x>&kind=guns&page=-3&city=510700')
    page.assertStatus(200)
    assert.notInclude(page.text(), '锦江果品')
    const unfiltered = await client.get('/supply?county_code=999999&industry=nope&kind=guns&page=abc')
    unfiltered.assertStatus(200)
    assert.include(unfiltered.text(), '锦江果品')
  })

  test('nothing matching shows the empty state; 20 a page', async ({ client, assert }) => {
    const empty = await client.get('/supply?industry=liquor').header('HX-Request', 'true')
    empty.assertTextIncludes('这里还没有入选的电商')
    for (let i = 0; i < 21; i++) await makeSeller({ name: `电商${String.fromCharCode(0x4e00 + i)}` })
    const first = await client.get('/supply')
    assert.equal((first.text().match(/href="\/supply\/sellers\/\d+"/g) ?? []).length, 20)
    first.assertTextIncludes('第 1 页')
    first.assertTextIncludes('共 21 家入选电商')
    const second = await client.get('/supply?page=2')
    assert.equal((second.text().match(/href="\/supply\/sellers\/\d+"/g) ?? []).length, 1)
  })

  test("a selected seller's page: shop link, WeChat id, the phone masked for anonymous visitors and a tel: link when signed in", async ({ client, assert }) => {
    const seller = await makeSeller({ name: '蒲江猕猴桃', phone: '13900000001' })
    const anonymous = await client.get(`/supply/sellers/${seller.id}`)
    anonymous.assertStatus(200)
    const html = anonymous.text()
    assert.include(html, '蒲江猕猴桃')
    assert.include(html, 'href="https://shop.example.com/kiwi"')
    assert.include(html, 'rel="nofollow noopener noreferrer"')
    assert.include(html, 'kiwi_farm01')
    // 复制: a button for the id, hidden until JavaScript shows it.
    assert.match(html, /<button type="button" class="button secondary" hidden data-copy="kiwi_farm01"/)
    assert.include(html, '139****0001')
    assert.notInclude(html, '13900000001')
    assert.notInclude(html, 'tel:')
    for (const word of SALE_WORDS) assert.notInclude(html, word)

    const signedIn = await client.get(`/supply/sellers/${seller.id}`).loginAs(await createUser())
    assert.include(signedIn.text(), 'href="tel:13900000001"')
  })

  test('proposed and removed sellers are 404 publicly, and so are unknown ids', async ({ client }) => {
    const proposed = await makeSeller({ status: 'proposed' })
    const removed = await makeSeller({ status: 'removed' })
    ;(await client.get(`/supply/sellers/${proposed.id}`)).assertStatus(404)
    ;(await client.get(`/supply/sellers/${removed.id}`)).assertStatus(404)
    ;(await client.get(`/supply/sellers/${removed.id}`).loginAs(await createUser())).assertStatus(404)
    ;(await client.get('/supply/sellers/999999999')).assertStatus(404)
    ;(await client.get('/supply/sellers/abc')).assertStatus(404)
  })

  test('the home page links to 供销对接', async ({ client }) => {
    const home = await client.get('/')
    home.assertTextIncludes('href="/supply"')
  })
})
