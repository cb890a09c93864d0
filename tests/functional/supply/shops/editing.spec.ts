import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import ShopProduct from '#modules/supply/models/shop_product'
import { assertRedirect, fieldErrors, submitHtmxForm } from '#tests/helpers'
import { smallPhoto } from '#tests/fixtures/media/generate'
import { listWord, makeProduct, makeShop, productForm } from '#tests/fixtures/supply/sellers'

/** The multipart post of 保存修改 without JavaScript: fields (arrays as repeated fields), and `photos` new photos. */
async function postEdit(client: any, user: any, productId: number, fields: Record<string, string | string[]>, photos = 0) {
  let request = client.post(`/supply/shops/mine/products/${productId}`).header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(user)
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) request = request.field(name, one)
  for (let i = 0; i < photos; i++) request = request.file('photos', await smallPhoto(), { filename: `n${i}.jpg` })
  return request
}

/** A product added through the form with `photos` photos, as its owner leaves it. */
async function productWithPhotos(client: any, photos: number) {
  const { owner, shop } = await makeShop()
  let request = client.post('/supply/shops/mine/products').header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(owner)
  for (const [name, value] of Object.entries(productForm())) request = request.field(name, value)
  for (let i = 0; i < photos; i++) request = request.file('photos', await smallPhoto(), { filename: `p${i}.jpg` })
  assertRedirect(await request, '/supply/shops/mine')
  const product = await ShopProduct.findByOrFail('shopId', shop.id)
  const media = await db.from('media').where({ subject_type: 'supply.product', subject_id: product.id }).orderBy('id')
  return { owner, shop, product, media }
}

const editForm = (overrides: Record<string, string | string[]> = {}) => ({
  product_name: '晚熟猕猴桃',
  unit: '箱',
  price_from: '60',
  price_to: '',
  'seasons[]': ['winter', 'autumn'],
  stock_note: '每箱 10 斤',
  ...overrides,
})

test.group('Supply / editing a product', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the edit page is the form filled in with the product, its seasons and photos; htmx gets the form alone', async ({ client, assert }) => {
    const { owner, product, media } = await productWithPhotos(client, 1)
    const mine = (await client.get('/supply/shops/mine').loginAs(owner)).text()
    assert.include(mine, `href="/supply/shops/mine/products/${product.id}/edit"`)
    const page = await client.get(`/supply/shops/mine/products/${product.id}/edit`).loginAs(owner)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '<html')
    assert.include(html, `action="/supply/shops/mine/products/${product.id}"`)
    assert.include(html, 'value="红心猕猴桃"')
    assert.include(html, 'value="8.00"')
    assert.include(html, 'value="12.50"')
    assert.match(html, /value="autumn" checked/)
    assert.notMatch(html, /value="spring" checked/)
    assert.include(html, `name="kept_media[]" value="${media[0].public_id}"`)
    const fragment = await client.get(`/supply/shops/mine/products/${product.id}/edit`).header('hx-request', 'true').loginAs(owner)
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), 'id="product-form"')
  })

  test('without JS: text, price, seasons and photos change (one kept, one dropped, one added); the search finds the new name', async ({ client, assert }) => {
    const { owner, shop, product, media } = await productWithPhotos(client, 2)
    const response = await postEdit(client, owner, product.id, editForm({ 'kept_media[]': [media[1].public_id, 'not-one-of-its-photos'] }), 1)
    assertRedirect(response, '/supply/shops/mine')
    assert.equal(response.flashMessages().success, '已保存修改。')
    const saved = await ShopProduct.findOrFail(product.id)
    assert.equal(saved.name, '晚熟猕猴桃')
    assert.equal(saved.unit, '箱')
    assert.equal(saved.priceFromFen, 6000)
    assert.isNull(saved.priceToFen)
    assert.deepEqual(saved.seasons, ['autumn', 'winter'])
    const photos = await db.from('media').where({ subject_type: 'supply.product', subject_id: product.id }).orderBy('id')
    assert.lengthOf(photos, 2)
    assert.equal(photos[0].public_id, media[1].public_id)
    assert.isTrue(photos.every((photo) => photo.visibility === 'public'))
    assert.isNull(await db.from('media').where('id', media[0].id).first())
    const page = (await client.get(`/supply/shops/${shop.id}`)).text()
    assert.include(page, '晚熟猕猴桃')
    assert.include(page, '60.00 元/箱')
    assert.include(page, '秋季、冬季')
    assert.include((await client.get('/supply/shops?q=晚熟猕猴桃')).text(), '晚熟猕猴桃')
    const audit = await db.from('audit_log').where({ action: 'supply.product_update', subject_id: String(product.id) }).first()
    assert.exists(audit)
  })

  test('no season ticked: all year (常年有货)', async ({ client, assert }) => {
    const { owner, shop } = await makeShop()
    const product = await makeProduct(shop)
    const { 'seasons[]': _none, ...rest } = editForm()
    assertRedirect(await postEdit(client, owner, product.id, rest), '/supply/shops/mine')
    assert.deepEqual((await ShopProduct.findOrFail(product.id)).seasons, [])
    assert.include((await client.get(`/supply/shops/${shop.id}`)).text(), '常年有货')
  })

  test('htmx: the saved row comes back with its status line; a refusal answers 422 into the form\'s error box', async ({ client, assert }) => {
    const { owner, shop } = await makeShop()
    const product = await makeProduct(shop)
    const ok = await submitHtmxForm(client, `/supply/shops/mine/products/${product.id}`, { product_name: '新名字', unit: '斤', price_from: '9', 'seasons[]': 'spring' }, owner)
    ok.assertStatus(200)
    assert.notInclude(ok.text(), '<html')
    assert.include(ok.text(), `id="product-${product.id}"`)
    assert.include(ok.text(), '新名字')
    assert.include(ok.text(), '已保存修改。')
    assert.deepEqual((await ShopProduct.findOrFail(product.id)).seasons, ['spring'])
    const refused = await submitHtmxForm(client, `/supply/shops/mine/products/${product.id}`, { product_name: '新名字', unit: '斤', price_from: '9元' }, owner)
    refused.assertStatus(422)
    assert.equal(refused.header('hx-retarget'), '#product-edit-errors')
    assert.include(refused.text(), '价格请填写不带字母和负号的数字')
  })

  test("another shop's product cannot be edited: the form and the post are 404 and it stays as it was", async ({ client, assert }) => {
    const { shop } = await makeShop({ name: '别人的果园' })
    const product = await makeProduct(shop)
    const { owner: other } = await makeShop({ county: '510104', name: '我的果园' })
    ;(await client.get(`/supply/shops/mine/products/${product.id}/edit`).loginAs(other)).assertStatus(404)
    ;(await postEdit(client, other, product.id, editForm())).assertStatus(404)
    ;(await submitHtmxForm(client, `/supply/shops/mine/products/${product.id}`, { product_name: '改掉', unit: '斤', price_from: '1' }, other)).assertStatus(404)
    ;(await client.get('/supply/shops/mine/products/abc/edit').loginAs(other)).assertStatus(404)
    const unchanged = await ShopProduct.findOrFail(product.id)
    assert.equal(unchanged.name, '红心猕猴桃')
    assert.deepEqual(unchanged.seasons, ['autumn'])
    // Signed out: to the login page.
    ;(await client.get(`/supply/shops/mine/products/${product.id}/edit`).redirects(0)).assertStatus(302)
  })

  const BAD: [string, Record<string, string | string[]>, string, string][] = [
    ['an unknown season', { 'seasons[]': ['autumn', 'monsoon'] }, 'seasons', '上市季节请从春季、夏季、秋季、冬季中勾选'],
    ['a season twice', { 'seasons[]': ['autumn', 'autumn'] }, 'seasons', '上市季节不能重复勾选'],
    ['a negative price', { price_from: '-3' }, 'price_from', '价格请填写不带字母和负号的数字'],
    ['a highest price below the price', { price_from: '12', price_to: '8' }, 'price_to', '最高价不能低于价格'],
    ['10,000 characters of name', { product_name: '桃'.repeat(10_000) }, 'product_name', '产品名称'],
  ]
  for (const [name, overrides, field, message] of BAD) {
    test(`edit: ${name} is refused in Chinese, nothing changed`, async ({ client, assert }) => {
      const { owner, shop } = await makeShop()
      const product = await makeProduct(shop)
      const response = await postEdit(client, owner, product.id, editForm(overrides))
      response.assertStatus(302)
      assert.include(fieldErrors(response, field).join(' '), message)
      const unchanged = await ShopProduct.findOrFail(product.id)
      assert.equal(unchanged.name, '红心猕猴桃')
      assert.deepEqual(unchanged.seasons, ['autumn'])
    })
  }

  test('kept and new photos over 9 together: refused in Chinese, no photo added or dropped', async ({ client, assert }) => {
    const { owner, product, media } = await productWithPhotos(client, 2)
    const response = await postEdit(client, owner, product.id, editForm({ 'kept_media[]': media.map((photo) => photo.public_id) }), 8)
    response.assertStatus(302)
    assert.include(fieldErrors(response, 'photos').join(' '), '每个产品最多 9 张照片')
    assert.lengthOf(await db.from('media').where({ subject_type: 'supply.product', subject_id: product.id }), 2)
    assert.equal((await ShopProduct.findOrFail(product.id)).name, '红心猕猴桃')
  })

  test('a held word in the edit holds the product: hidden publicly, photos private, in the review queue', async ({ client, assert }) => {
    await listWord('六合彩', 'hold')
    const { owner, shop, product, media } = await productWithPhotos(client, 1)
    const response = await postEdit(client, owner, product.id, editForm({ stock_note: '买桃送六合彩', 'kept_media[]': media[0].public_id }))
    assertRedirect(response, '/supply/shops/mine')
    assert.equal(response.flashMessages().success, '已保存修改，正在等待运营中心审核。')
    assert.isTrue((await ShopProduct.findOrFail(product.id)).held)
    assert.equal((await db.from('media').where('id', media[0].id).first()).visibility, 'private')
    const queued = await db.from('moderation_reviews').where({ subject_type: 'supply.product', subject_id: String(product.id), status: 'pending' })
    assert.lengthOf(queued, 1)
    assert.notInclude((await client.get(`/supply/shops/${shop.id}`)).text(), '晚熟猕猴桃')
    // Edited again without the word: public again, the stale review gone.
    assertRedirect(await postEdit(client, owner, product.id, editForm({ 'kept_media[]': media[0].public_id })), '/supply/shops/mine')
    assert.isFalse((await ShopProduct.findOrFail(product.id)).held)
    assert.equal((await db.from('media').where('id', media[0].id).first()).visibility, 'public')
    assert.lengthOf(await db.from('moderation_reviews').where({ subject_type: 'supply.product', subject_id: String(product.id), status: 'pending' }), 0)
  })
})
