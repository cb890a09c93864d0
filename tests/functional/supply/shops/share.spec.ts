import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import ShopProduct from '#modules/supply/models/shop_product'
import { assertRedirect } from '#tests/helpers'
import { smallPhoto } from '#tests/fixtures/media/generate'
import { makeProduct, makeShop, productForm } from '#tests/fixtures/supply/sellers'

/** The content of a <meta property|name="key"> in the page, or null. */
function meta(html: string, key: string) {
  const match = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)
  return match ? match[1] : null
}

test.group('Supply / share cards and the product page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a shop page: og:title, og:description and og:image (a public photo, absolute), the description WeChat reads, a 分享 button only for JS', async ({ client, assert }) => {
    const { owner, shop } = await makeShop({ name: '王大田的果园' })
    let request = client.post('/supply/shops/mine/products').header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(owner)
    for (const [name, value] of Object.entries(productForm())) request = request.field(name, value)
    assertRedirect(await request.file('photos', await smallPhoto(), { filename: 'p.jpg' }), '/supply/shops/mine')
    const product = await ShopProduct.findByOrFail('shopId', shop.id)
    const photo = await db.from('media').where({ subject_type: 'supply.product', subject_id: product.id }).firstOrFail()

    const html = (await client.get(`/supply/shops/${shop.id}`)).text()
    assert.equal(meta(html, 'og:title'), '王大田的果园')
    assert.equal(meta(html, 'og:description'), meta(html, 'description'))
    assert.include(meta(html, 'og:description')!, '大邑县')
    assert.include(meta(html, 'og:description')!, '自家种的猕猴桃')
    const image = meta(html, 'og:image')!
    assert.equal(image, new URL(`/media/${photo.public_id}/full`, env.get('APP_URL')).toString())
    // The image is public: a crawler fetches it signed out.
    ;(await client.get(new URL(image).pathname)).assertStatus(200)
    assert.include(html, '<p class="share" hidden data-share-box>')
    assert.match(html, /<button type="button" class="button secondary" data-share data-share-url="[^"]*\/supply\/shops\/\d+"/)
    assert.include(html, '>分享</button>')
    assert.include(html, `href="/supply/shops/${shop.id}/products/${product.id}"`)
  })

  test("a product page: its photos, price, seasons and the shop's contacts; its own card; no photo, no og:image", async ({ client, assert }) => {
    const { shop } = await makeShop({ phone: '13900000001' })
    const product = await makeProduct(shop, { seasons: ['summer', 'autumn'] })
    const response = await client.get(`/supply/shops/${shop.id}/products/${product.id}`)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<h1>红心猕猴桃</h1>')
    assert.include(html, '8.00–12.00 元/斤')
    assert.include(html, '夏季、秋季')
    assert.include(html, '139****0001')
    assert.notInclude(html, '13900000001')
    assert.equal(meta(html, 'og:title'), '红心猕猴桃 - 王大田的果园')
    assert.equal(meta(html, 'og:description'), '8.00–12.00 元/斤 · 夏季、秋季 · 王大田的果园')
    assert.isNull(meta(html, 'og:image'))
    assert.include(html, `data-share-url="${new URL(`/supply/shops/${shop.id}/products/${product.id}`, env.get('APP_URL'))}"`)
  })

  test("held products and shops, another shop's product and odd ids are 404", async ({ client }) => {
    const { shop } = await makeShop()
    const held = await makeProduct(shop, { held: true })
    ;(await client.get(`/supply/shops/${shop.id}/products/${held.id}`)).assertStatus(404)
    const { shop: other } = await makeShop({ county: '510104', name: '别人的果园' })
    const theirs = await makeProduct(other)
    ;(await client.get(`/supply/shops/${shop.id}/products/${theirs.id}`)).assertStatus(404)
    const { shop: hidden } = await makeShop({ held: true })
    const inHidden = await makeProduct(hidden)
    ;(await client.get(`/supply/shops/${hidden.id}/products/${inHidden.id}`)).assertStatus(404)
    ;(await client.get(`/supply/shops/${shop.id}/products/abc`)).assertStatus(404)
    ;(await client.get('/supply/shops/abc')).assertStatus(404)
  })
})
