import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { actingAs } from '#core/accounts/acting'
import { RegionScope } from '#core/regions/region_scope'
import { tripBreaker } from '#core/moderation/breakers'
import { decideReview } from '#core/moderation/reviews'
import MicroShop from '#modules/supply/models/micro_shop'
import ShopProduct from '#modules/supply/models/shop_product'
import { assertRedirect, createUser, submitForm, submitHtmxForm } from '#tests/helpers'
import { listWord, makeShop, productForm, shopForm } from '#tests/fixtures/supply/sellers'
import { smallPhoto } from '#tests/fixtures/media/generate'

const admin = () => createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })

test.group('Supply / finding micro-shops', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a visitor finds a shop by county and industry; htmx gets the list alone; held shops are not listed', async ({ client, assert }) => {
    await makeShop({ county: '510129', name: '大邑果园' })
    await makeShop({ county: '510104', name: '锦江果园' })
    await makeShop({ county: '510129', name: '大邑待审', held: true })
    const page = await client.get('/supply/shops?county_code=510129&industry=fruit')
    page.assertStatus(200)
    assert.include(page.text(), '<html')
    assert.include(page.text(), '大邑果园')
    assert.notInclude(page.text(), '锦江果园')
    assert.notInclude(page.text(), '大邑待审')
    const fragment = await client.get('/supply/shops?city=510100').header('HX-Request', 'true')
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '锦江果园')
    ;(await client.get('/supply/shops?industry=tea')).assertTextIncludes('这里还没有农户微商')
    ;(await client.get('/supply')).assertTextIncludes('href="/supply/shops"')
  })

  test('我的微商 is on 我的资料 for farmers and cooperatives only', async ({ client, assert }) => {
    assert.include((await client.get('/profile').loginAs(await createUser())).text(), 'href="/supply/shops/mine"')
    assert.notInclude((await client.get('/profile').loginAs(await createUser({ roles: ['expert'] }))).text(), 'href="/supply/shops/mine"')
  })
})

test.group('Supply / held micro-shop content', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("the module's breaker over a county holds a new product there, photos private; approval publishes both", async ({ client, assert }) => {
    const { owner, shop } = await makeShop({ county: '510129' })
    await tripBreaker(await actingAs(await admin(), null), { module: 'supply', scope: RegionScope.fromRegionCode('510129'), reason: '测试熔断' })
    let request = client.post('/supply/shops/mine/products').header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(owner)
    for (const [name, value] of Object.entries(productForm())) request = request.field(name, value)
    const response = await request.file('photos', await smallPhoto(), { filename: 'kiwi.jpg' })
    response.assertStatus(302)
    assert.equal(response.flashMessages().success, '产品已添加，正在等待运营中心审核。')
    const product = await ShopProduct.findByOrFail('shopId', shop.id)
    assert.isTrue(product.held)
    const photo = await db.from('media').where({ subject_type: 'supply.product', subject_id: product.id }).firstOrFail()
    assert.equal(photo.visibility, 'private')
    assert.notInclude((await client.get(`/supply/shops/${shop.id}`)).text(), '红心猕猴桃')

    const review = await db.from('moderation_reviews').where({ subject_type: 'supply.product', subject_id: String(product.id) }).firstOrFail()
    await decideReview(await actingAs(await admin(), null), review.id, 'approved', null)
    assert.isFalse((await ShopProduct.findOrFail(product.id)).held)
    assert.equal((await db.from('media').where('id', photo.id).firstOrFail()).visibility, 'public')
    assert.include((await client.get(`/supply/shops/${shop.id}`)).text(), '红心猕猴桃')
  })

  test('a rejected shop stays hidden', async ({ client, assert }) => {
    await listWord('六合彩', 'hold')
    const farmer = await createUser()
    await submitForm(client, '/supply/shops/mine', shopForm({ intro: '兼营六合彩' }), farmer)
    const shop = await MicroShop.findByOrFail('ownerId', farmer.id)
    const review = await db.from('moderation_reviews').where({ subject_type: 'supply.shop', subject_id: String(shop.id) }).firstOrFail()
    await decideReview(await actingAs(await admin(), null), review.id, 'rejected', '含违规内容')
    assert.isTrue((await MicroShop.findOrFail(shop.id)).held)
    ;(await client.get(`/supply/shops/${shop.id}`)).assertStatus(404)
  })
})

test.group('Supply / reporting a micro-shop', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('signed in, without JS: the report goes to the review queue, the shop stays up; a rejection hides it', async ({ client, assert }) => {
    const { shop } = await makeShop({ name: '可疑果园' })
    const visitor = await createUser({ county: '510104' })
    const page = await client.get(`/supply/shops/${shop.id}`).loginAs(visitor)
    assert.include(page.text(), `action="/supply/shops/${shop.id}/report"`)
    const response = await submitForm(client, `/supply/shops/${shop.id}/report`, { reason: '收了定金不发货' }, visitor)
    assertRedirect(response, `/supply/shops/${shop.id}`)
    assert.equal(response.flashMessages().success, '已收到举报，运营中心会尽快核实。')
    const queued = await db.from('moderation_reviews').where({ subject_type: 'supply.shop', subject_id: String(shop.id), status: 'pending' }).firstOrFail()
    assert.include(queued.text, '收了定金不发货')
    assert.equal(queued.county_code, '510129')
    ;(await client.get(`/supply/shops/${shop.id}`)).assertStatus(200)
    await decideReview(await actingAs(await admin(), null), queued.id, 'rejected', '核实为诈骗')
    ;(await client.get(`/supply/shops/${shop.id}`)).assertStatus(404)
  })

  test('htmx: the thank-you line replaces the form; no reason is refused in Chinese; signed out there is no form and posting needs a login', async ({ client, assert }) => {
    const { shop } = await makeShop()
    const visitor = await createUser({ county: '510104' })
    const htmx = await submitHtmxForm(client, `/supply/shops/${shop.id}/report`, { reason: '冒用他人照片' }, visitor)
    htmx.assertStatus(200)
    assert.include(htmx.text(), '已收到举报')
    assert.notInclude(htmx.text(), '<html')
    const empty = await submitHtmxForm(client, `/supply/shops/${shop.id}/report`, { reason: '' }, visitor)
    empty.assertStatus(422)
    assert.include(empty.text(), '请填写举报理由')
    const anonymous = await client.get(`/supply/shops/${shop.id}`)
    assert.notInclude(anonymous.text(), `action="/supply/shops/${shop.id}/report"`)
    assert.include(anonymous.text(), '登录后可举报')
    ;(await client.post(`/supply/shops/${shop.id}/report`).withCsrfToken().form({ reason: '骗子' }).redirects(0)).assertStatus(302)
    ;(await submitForm(client, `/supply/shops/999999/report`, { reason: '收了定金不发货' }, visitor)).assertStatus(404)
  })
})
