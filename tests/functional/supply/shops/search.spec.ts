import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { actingAs } from '#core/accounts/acting'
import { decideReview } from '#core/moderation/reviews'
import { createUser, submitForm } from '#tests/helpers'
import { listWord, productForm, shopForm } from '#tests/fixtures/supply/sellers'

/** A farmer's shop and products, through the forms (so they are screened and indexed as in use). */
async function shopWith(client: any, shop: Record<string, string>, products: Record<string, string>[]) {
  const owner = await createUser({ county: shop.county_code })
  await submitForm(client, '/supply/shops/mine', shopForm(shop), owner)
  for (const product of products) await submitForm(client, '/supply/shops/mine/products', productForm(product), owner)
  return owner
}

test.group('Supply / finding products', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the search box finds products by name, inside the chosen county and industry; htmx gets the results alone', async ({ client, assert }) => {
    await shopWith(client, { name: '王家果园', county_code: '510129' }, [{ product_name: '冬草莓' }, { product_name: '高山雪梨' }])
    await shopWith(client, { name: '锦江果园', county_code: '510104', wechat_id: 'jinjiang01' }, [{ product_name: '奶油草莓' }])

    const all = await client.get(`/supply/shops?q=${encodeURIComponent('草莓')}`)
    all.assertStatus(200)
    assert.include(all.text(), '<html')
    assert.include(all.text(), '冬草莓')
    assert.include(all.text(), '奶油草莓')
    assert.include(all.text(), '王家果园')
    assert.notInclude(all.text(), '高山雪梨')

    const county = await client.get(`/supply/shops?q=${encodeURIComponent('草莓')}&county_code=510129`).header('HX-Request', 'true')
    assert.notInclude(county.text(), '<html')
    assert.include(county.text(), '冬草莓')
    assert.notInclude(county.text(), '奶油草莓')

    ;(await client.get(`/supply/shops?q=${encodeURIComponent('草莓')}&industry=pig`)).assertTextIncludes('没有找到“草莓”相关的产品')
  })

  test('a held product is found only once a reviewer approves it', async ({ client, assert }) => {
    await listWord('六合彩', 'hold')
    await shopWith(client, { name: '王家果园', county_code: '510129' }, [{ product_name: '冬草莓', stock_note: '兼营六合彩' }])
    assert.notInclude((await client.get(`/supply/shops?q=${encodeURIComponent('冬草莓')}`)).text(), '冬草莓</strong>')
    const review = await db.from('moderation_reviews').where({ subject_type: 'supply.product' }).firstOrFail()
    const admin = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    await decideReview(await actingAs(admin, null), review.id, 'approved', null)
    assert.include((await client.get(`/supply/shops?q=${encodeURIComponent('冬草莓')}`)).text(), '冬草莓</strong>')
  })

  test('hostile search text is answered, escaped', async ({ client, assert }) => {
    const response = await client.get(`/supply/shops?q=${encodeURIComponent('<script>alert(1)</script>')}`)
    response.assertStatus(200)
    assert.notInclude(response.text(), '<script>alert(1)</script>')
  })
})
