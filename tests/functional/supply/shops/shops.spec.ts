import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import MicroShop from '#modules/supply/models/micro_shop'
import ShopProduct from '#modules/supply/models/shop_product'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import { smallPhoto } from '#tests/fixtures/media/generate'
import { listWord, makeProduct, makeShop, productForm, shopForm } from '#tests/fixtures/supply/sellers'
import { clearRateLimits } from '#tests/fixtures/forms/suite'

const SALE_WORDS = ['购物车', '加入购物', '立即购买', '下单', '支付', '付款', '结算', 'checkout', 'cart']

/** The multipart post of 添加产品 without JavaScript, with `photos` small photos. */
async function postProduct(client: any, user: any, fields: Record<string, string>, photos = 1) {
  let request = client.post('/supply/shops/mine/products').header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(user)
  for (const [name, value] of Object.entries(fields)) request = request.field(name, value)
  for (let i = 0; i < photos; i++) request = request.file('photos', await smallPhoto(), { filename: `p${i}.jpg` })
  return request
}

test.group('Supply / opening a micro-shop', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a farmer opens their shop without JS; the form comes back filled in; the public page shows it', async ({ client, assert }) => {
    const farmer = await createUser({ county: '510129', name: '王大田' })
    const empty = await client.get('/supply/shops/mine').loginAs(farmer)
    empty.assertStatus(200)
    assert.include(empty.text(), '开通微商')
    assert.notInclude(empty.text(), '添加产品')

    const saved = await submitForm(client, '/supply/shops/mine', shopForm(), farmer)
    assertRedirect(saved, '/supply/shops/mine')
    const shop = await MicroShop.findByOrFail('ownerId', farmer.id)
    assert.isFalse(shop.held)
    const mine = await client.get('/supply/shops/mine').loginAs(farmer)
    assert.include(mine.text(), 'value="王大田的果园"')
    assert.include(mine.text(), '添加产品')

    const page = await client.get(`/supply/shops/${shop.id}`)
    page.assertStatus(200)
    assert.include(page.text(), '王大田的果园')
    assert.include(page.text(), 'href="https://shop.example.com/wang"')
    assert.include(page.text(), 'wangdatian01')
    for (const word of SALE_WORDS) assert.notInclude(page.text(), word)
  })

  test('one shop per account: saving again changes it', async ({ client, assert }) => {
    const farmer = await createUser()
    await submitForm(client, '/supply/shops/mine', shopForm(), farmer)
    await submitForm(client, '/supply/shops/mine', shopForm({ name: '王家果园' }), farmer)
    const shops = await MicroShop.query().where('owner_id', farmer.id)
    assert.lengthOf(shops, 1)
    assert.equal(shops[0].name, '王家果园')
  })

  test('a cooperative (market entity) may open one; an expert or centre staff may not (403)', async ({ client }) => {
    const cooperative = await createUser({ roles: ['market_entity'] })
    assertRedirect(await submitForm(client, '/supply/shops/mine', shopForm(), cooperative), '/supply/shops/mine')
    const expert = await createUser({ roles: ['expert'] })
    ;(await client.get('/supply/shops/mine').loginAs(expert)).assertStatus(403)
    ;(await submitForm(client, '/supply/shops/mine', shopForm(), expert)).assertStatus(403)
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510129' } })
    ;(await submitForm(client, '/supply/shops/mine', shopForm(), staff)).assertStatus(403)
  })

  const BAD: [string, Record<string, string>, string, string][] = [
    ['a javascript: link', { shop_url: 'javascript:alert(1)' }, 'shop_url', '网店链接须以 http:// 或 https:// 开头'],
    ['a WeChat id with spaces', { wechat_id: 'wang da tian' }, 'wechat_id', '不能有空格'],
    ['a phone with letters', { phone: '139abc00001' }, 'phone', '请填写 11 位手机号'],
    ['10,000 characters of intro', { intro: '果'.repeat(10_000) }, 'intro', '简介不能超过 300 个字'],
    ['no channel', { wechat_id: '', phone: '', shop_url: '' }, 'wechat_id', '微信号、联系电话、网店链接至少填写一项'],
  ]
  for (const [name, overrides, field, message] of BAD) {
    test(`shop: ${name} is refused in Chinese, nothing stored`, async ({ client, assert }) => {
      const response = await submitForm(client, '/supply/shops/mine', shopForm(overrides), await createUser())
      response.assertStatus(302)
      assert.include(fieldErrors(response, field).join(' '), message)
      assert.lengthOf(await MicroShop.all(), 0)
    })
  }

  test('htmx: a refused shop answers 422 for the form\'s error box', async ({ client, assert }) => {
    const response = await submitHtmxForm(client, '/supply/shops/mine', shopForm({ shop_url: 'javascript:alert(1)' }), await createUser())
    response.assertStatus(422)
    assert.equal(response.header('hx-retarget'), '#shop-form-errors')
    assert.include(response.text(), '网店链接须以 http:// 或 https:// 开头')
  })

  test('a held word holds the shop for the review queue: 404 publicly, the owner is told', async ({ client, assert }) => {
    await listWord('六合彩', 'hold')
    const farmer = await createUser()
    await submitForm(client, '/supply/shops/mine', shopForm({ intro: '兼营六合彩' }), farmer)
    const shop = await MicroShop.findByOrFail('ownerId', farmer.id)
    assert.isTrue(shop.held)
    const queued = await db.from('moderation_reviews').where({ subject_type: 'supply.shop', subject_id: String(shop.id), status: 'pending' }).first()
    assert.equal(queued.module, 'supply')
    ;(await client.get(`/supply/shops/${shop.id}`)).assertStatus(404)
    ;(await client.get('/supply/shops/mine').loginAs(farmer)).assertTextIncludes('正在等待运营中心审核')
  })
})

test.group('Supply / micro-shop products', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a product with photos, unit, price range and season: stored, public with its photo', async ({ client, assert }) => {
    const { owner, shop } = await makeShop()
    const response = await postProduct(client, owner, productForm(), 2)
    assertRedirect(response, '/supply/shops/mine')
    assert.equal(response.flashMessages().success, '产品已添加。')
    const product = await ShopProduct.findByOrFail('shopId', shop.id)
    assert.equal(product.priceFromFen, 800)
    assert.equal(product.priceToFen, 1250)
    const photos = await db.from('media').where({ subject_type: 'supply.product', subject_id: product.id })
    assert.lengthOf(photos, 2)
    assert.isTrue(photos.every((photo) => photo.visibility === 'public'))
    const page = (await client.get(`/supply/shops/${shop.id}`)).text()
    assert.include(page, '红心猕猴桃')
    assert.include(page, '8.00–12.50 元/斤')
    assert.include(page, `/media/${photos[0].public_id}/thumb`)
  })

  const BAD: [string, Record<string, string>, string, string][] = [
    ['a price with letters', { price_from: '8元' }, 'price_from', '价格请填写不带字母和负号的数字'],
    ['a negative price', { price_from: '-8' }, 'price_from', '价格请填写不带字母和负号的数字'],
    ['a highest price below the price', { price_from: '12', price_to: '8' }, 'price_to', '最高价不能低于价格'],
    ['no unit', { unit: '' }, 'unit', '请填写单位'],
    ['10,000 characters of stock note', { stock_note: '货'.repeat(10_000) }, 'stock_note', '货量说明不能超过 60 个字'],
  ]
  for (const [name, overrides, field, message] of BAD) {
    test(`product: ${name} is refused in Chinese, nothing stored`, async ({ client, assert }) => {
      const { owner } = await makeShop()
      const response = await postProduct(client, owner, productForm(overrides), 1)
      response.assertStatus(302)
      assert.include(fieldErrors(response, field).join(' '), message)
      assert.lengthOf(await ShopProduct.all(), 0)
      assert.lengthOf(await db.from('media').where('subject_type', 'supply.product'), 0)
    })
  }

  test('20 photos on one product: refused in Chinese, nothing stored', async ({ client, assert }) => {
    const { owner } = await makeShop()
    const response = await postProduct(client, owner, productForm(), 20)
    response.assertStatus(302)
    assert.include(fieldErrors(response, 'photos').join(' '), '每个产品最多 9 张照片')
    assert.lengthOf(await ShopProduct.all(), 0)
  })

  test('the sold-out toggle: htmx swaps the row; without JS the page comes back; the public page says 已售罄', async ({ client, assert }) => {
    const { owner, shop } = await makeShop()
    const product = await makeProduct(shop)
    const htmx = await submitHtmxForm(client, `/supply/shops/mine/products/${product.id}/sold-out`, { sold_out: '1' }, owner)
    htmx.assertStatus(200)
    assert.notInclude(htmx.text(), '<html')
    assert.include(htmx.text(), `id="product-${product.id}"`)
    assert.include(htmx.text(), '已标记为售罄。')
    assert.include(htmx.text(), '恢复有货')
    assert.isTrue((await ShopProduct.findOrFail(product.id)).soldOut)
    ;(await client.get(`/supply/shops/${shop.id}`)).assertTextIncludes('已售罄')

    const plain = await submitForm(client, `/supply/shops/mine/products/${product.id}/sold-out`, {}, owner)
    assertRedirect(plain, '/supply/shops/mine')
    assert.equal(plain.flashMessages().success, '已恢复有货。')
    assert.isFalse((await ShopProduct.findOrFail(product.id)).soldOut)
  })

  test("someone else's shop cannot be edited: their product is 404 and unchanged", async ({ client, assert }) => {
    const { shop } = await makeShop({ name: '别人的果园' })
    const product = await makeProduct(shop)
    const { owner: other } = await makeShop({ county: '510104', name: '我的果园' })
    ;(await submitForm(client, `/supply/shops/mine/products/${product.id}/sold-out`, { sold_out: '1' }, other)).assertStatus(404)
    ;(await submitHtmxForm(client, `/supply/shops/mine/products/${product.id}/sold-out`, { sold_out: '1' }, other)).assertStatus(404)
    assert.isFalse((await ShopProduct.findOrFail(product.id)).soldOut)
    // Saving "my shop" changes only the poster's own shop.
    await submitForm(client, '/supply/shops/mine', shopForm({ name: '改名了' }), other)
    assert.equal((await MicroShop.findOrFail(shop.id)).name, '别人的果园')
  })

  test('a shop of many products pages them by 24, on its public page and on 我的微商', async ({ client, assert }) => {
    const { shop, owner } = await makeShop()
    for (let n = 1; n <= 30; n++) await makeProduct(shop, { name: `产品${String(n).padStart(2, '0')}号` })
    const first = await client.get(`/supply/shops/${shop.id}`)
    first.assertStatus(200)
    assert.include(first.text(), '产品30号')
    assert.notInclude(first.text(), '产品06号')
    assert.include(first.text(), '?page=2')
    const second = await client.get(`/supply/shops/${shop.id}?page=2`)
    assert.include(second.text(), '产品06号')
    assert.notInclude(second.text(), '产品07号')
    // A page number that is no number is the first page, never an error.
    assert.include((await client.get(`/supply/shops/${shop.id}?page=abc`)).text(), '产品30号')
    const mine = await client.get('/supply/shops/mine?page=2').loginAs(owner)
    assert.include(mine.text(), '产品01号')
    assert.notInclude(mine.text(), '产品30号')
  })

  test('phones: masked on every page; signed in, 显示电话 reveals a tel: link (htmx or plain post); held products stay hidden', async ({ client, assert }) => {
    const { shop } = await makeShop({ phone: '13900000001' })
    await makeProduct(shop, { name: '待审产品', held: true })
    const anonymous = (await client.get(`/supply/shops/${shop.id}`)).text()
    assert.include(anonymous, '139****0001')
    assert.notInclude(anonymous, '13900000001')
    assert.include(anonymous, '登录后可拨打')
    assert.notInclude(anonymous, '待审产品')
    const visitor = await createUser()
    const signedIn = (await client.get(`/supply/shops/${shop.id}`).loginAs(visitor)).text()
    assert.notInclude(signedIn, '13900000001')
    assert.include(signedIn, `action="/supply/shops/${shop.id}/phone"`)

    const htmx = await submitHtmxForm(client, `/supply/shops/${shop.id}/phone`, {}, visitor)
    htmx.assertStatus(200)
    assert.notInclude(htmx.text(), '<html')
    assert.include(htmx.text(), 'href="tel:13900000001"')
    const plain = await submitForm(client, `/supply/shops/${shop.id}/phone`, {}, visitor)
    plain.assertStatus(200)
    assert.include(plain.text(), '<html')
    assert.include(plain.text(), 'href="tel:13900000001"')
    ;(await client.post(`/supply/shops/${shop.id}/phone`).withCsrfToken().redirects(0)).assertStatus(302)
  })

  test('revealing phones is rate-limited: the 21st within the hour is refused in Chinese', async ({ client, assert }) => {
    await clearRateLimits()
    const { shop } = await makeShop()
    const visitor = await createUser()
    for (let i = 0; i < 20; i++) (await submitHtmxForm(client, `/supply/shops/${shop.id}/phone`, {}, visitor)).assertStatus(200)
    const refused = await submitHtmxForm(client, `/supply/shops/${shop.id}/phone`, {}, visitor)
    refused.assertStatus(422)
    assert.include(refused.text(), '查看电话太频繁了')
    assert.notInclude(refused.text(), '13900000001')
    const plain = await submitForm(client, `/supply/shops/${shop.id}/phone`, {}, visitor)
    plain.assertStatus(302)
    assert.include(fieldErrors(plain, 'form').join(' '), '查看电话太频繁了')
    await clearRateLimits()
  })
})

test.group('Supply / deleting a product', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the owner deletes a product with its photos and search document; another owner gets 404 and it stays', async ({ client, assert }) => {
    const { owner, shop } = await makeShop()
    await postProduct(client, owner, productForm(), 1)
    const product = await ShopProduct.findByOrFail('shopId', shop.id)
    assert.lengthOf(await db.from('text_documents').where({ source_type: 'supply.product', source_id: String(product.id) }), 1)

    const { owner: other } = await makeShop({ county: '510104', name: '别人的果园' })
    ;(await submitForm(client, `/supply/shops/mine/products/${product.id}/delete`, {}, other)).assertStatus(404)
    assert.isNotNull(await ShopProduct.find(product.id))

    const page = await client.get('/supply/shops/mine').loginAs(owner)
    assert.include(page.text(), `action="/supply/shops/mine/products/${product.id}/delete"`)
    const response = await submitForm(client, `/supply/shops/mine/products/${product.id}/delete`, {}, owner)
    assertRedirect(response, '/supply/shops/mine')
    assert.equal(response.flashMessages().success, '已删除“红心猕猴桃”。')
    assert.isNull(await ShopProduct.find(product.id))
    assert.lengthOf(await db.from('media').where({ subject_type: 'supply.product', subject_id: product.id }), 0)
    assert.lengthOf(await db.from('text_documents').where({ source_type: 'supply.product', source_id: String(product.id) }), 0)
    assert.notInclude((await client.get(`/supply/shops/${shop.id}`)).text(), '红心猕猴桃')
  })
})
