import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Seller from '#modules/supply/models/seller'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import { listWord, sellerForm } from '#tests/fixtures/supply/sellers'
import { smallPhoto } from '#tests/fixtures/media/generate'

const sellerCount = async () => Number((await db.from('supply_sellers').count('* as n').first())!.n)

test.group('Supply / proposing a seller', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the form needs an account; signed in it is a full page with every field', async ({ client, assert }) => {
    const guest = await client.get('/supply/sellers/new').redirects(0)
    guest.assertStatus(302)
    const page = await client.get('/supply/sellers/new').loginAs(await createUser())
    page.assertStatus(200)
    for (const name of ['name', 'kind', 'county_code', 'industry', 'products', 'shop_urls', 'wechat_id', 'phone', 'licence_number']) {
      assert.include(page.text(), `name="${name}"`)
    }
    assert.include(page.text(), '推荐电商')
  })

  test('a plain post stores a proposal waiting for the centre (not listed yet) and is audited', async ({ client, assert }) => {
    const farmer = await createUser({ name: '李农户' })
    const response = await submitForm(client, '/supply/sellers', sellerForm(), farmer)
    assertRedirect(response, '/supply')
    assert.equal(response.flashMessages().success, '已提交推荐，运营中心核实后会公开展示。')
    const seller = await Seller.query().firstOrFail()
    assert.equal(seller.status, 'proposed')
    assert.equal(seller.proposedById, farmer.id)
    assert.deepEqual(seller.shopUrls, ['https://shop.example.com/dayi', 'http://mall.example.cn/store/12'])
    assert.deepEqual(seller.industries, ['seed'])
    assert.equal(seller.phone, '028-88321234')
    assert.isFalse(seller.flagged)
    const audited = await db.from('audit_log').where({ action: 'supply.seller_propose', subject_id: String(seller.id) }).first()
    assert.equal(audited.actor_id, farmer.id)
    assert.notInclude((await client.get('/supply')).text(), '大邑农资电商')
  })

  test('other industries follow the main one without repeating it', async ({ client, assert }) => {
    const response = await client
      .post('/supply/sellers')
      .header('accept', 'text/html')
      .withCsrfToken()
      .form({ ...sellerForm(), 'other_industries[]': ['equipment', 'seed'] })
      .redirects(0)
      .loginAs(await createUser())
    response.assertStatus(302)
    assert.deepEqual((await Seller.query().firstOrFail()).industries, ['seed', 'equipment'])
  })

  const BAD: [string, Record<string, string>, string, string][] = [
    ['a javascript: link', { shop_urls: 'javascript:alert(1)' }, 'shop_urls', '网店链接须以 http:// 或 https:// 开头'],
    ['an ftp link', { shop_urls: 'ftp://shop.example.com/x' }, 'shop_urls', '网店链接须以 http:// 或 https:// 开头'],
    ['a data: link among good ones', { shop_urls: 'https://a.example.com\ndata:text/html,<b>x</b>' }, 'shop_urls', '网店链接须以 http:// 或 https:// 开头'],
    ['four links', { shop_urls: 'https://a.example.com\nhttps://b.example.com\nhttps://c.example.com\nhttps://d.example.com' }, 'shop_urls', '网店链接最多填 3 个'],
    ['a WeChat id with spaces', { wechat_id: 'dayi nongzi' }, 'wechat_id', '不能有空格'],
    ['a WeChat id starting with a digit', { wechat_id: '1dayinongzi' }, 'wechat_id', '字母开头'],
    ['a phone with letters', { phone: '1390000abcd' }, 'phone', '请填写 11 位手机号，或带区号的座机号码'],
    ['a phone too short', { phone: '139000' }, 'phone', '请填写 11 位手机号'],
    ['10,000 characters of products', { products: '稻'.repeat(10_000) }, 'products', '主营产品不能超过 500 个字'],
    ['a name of 61 characters', { name: '农'.repeat(61) }, 'name', '电商名称不能超过 60 个字'],
    ['markup in the name', { name: '<b>好店</b>' }, 'name', '电商名称不能包含 < 或 >'],
    ['no kind', { kind: '' }, 'kind', '请选择经营类别'],
    ['an unknown kind', { kind: 'guns' }, 'kind', '请选择农产品或农资'],
    ['a county outside Sichuan', { county_code: '110101' }, 'county_code', '请选择四川省内的区县'],
    ['an unknown industry', { industry: 'opium' }, 'industry', '请从“10+3”产业中选择主要产业'],
    ['a licence number of the wrong length', { licence_number: '123' }, 'licence_number', '统一社会信用代码是 18 位'],
    ['no channel at all', { shop_urls: '', wechat_id: '', phone: '' }, 'shop_urls', '网店链接、微信号、联系电话至少填写一项'],
  ]
  for (const [name, overrides, field, message] of BAD) {
    test(`${name}: a Chinese message next to the field, the input kept, nothing stored`, async ({ client, assert }) => {
      const response = await submitForm(client, '/supply/sellers', sellerForm(overrides), await createUser())
      response.assertStatus(302)
      assert.include(fieldErrors(response, field).join(' '), message)
      assert.equal(response.flashMessages().name, sellerForm(overrides).name)
      assert.equal(await sellerCount(), 0)
    })
  }

  test('htmx: a refused post answers 422 with the Chinese message for the form\'s error box', async ({ client, assert }) => {
    const response = await submitHtmxForm(client, '/supply/sellers', sellerForm({ shop_urls: 'javascript:alert(1)' }), await createUser())
    response.assertStatus(422)
    assert.equal(response.header('hx-retarget'), '#seller-form-errors')
    assert.include(response.text(), '网店链接须以 http:// 或 https:// 开头')
    assert.equal(await sellerCount(), 0)
  })

  test('a held word flags the proposal for the reviewer; a blocked word refuses it', async ({ client, assert }) => {
    await listWord('六合彩', 'hold')
    await listWord('赌场筹码', 'block')
    const user = await createUser()
    const held = await submitForm(client, '/supply/sellers', sellerForm({ products: '种子化肥，兼营六合彩' }), user)
    assertRedirect(held, '/supply')
    assert.isTrue((await Seller.query().firstOrFail()).flagged)

    const blocked = await submitForm(client, '/supply/sellers', sellerForm({ products: '出售赌场筹码' }), user)
    blocked.assertStatus(302)
    assert.include(fieldErrors(blocked, 'products').join(' '), '内容含有不允许发布的词语')
    assert.equal(await sellerCount(), 1)
  })
})

test.group('Supply / a proposal with photos', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const postWithPhotos = async (client: any, user: any, count: number) => {
    let request = client.post('/supply/sellers').header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(user)
    for (const [name, value] of Object.entries(sellerForm())) request = request.field(name, value)
    for (let i = 0; i < count; i++) request = request.file('photos', await smallPhoto(), { filename: `shop${i}.jpg` })
    return request
  }

  test('the form is multipart with the photo picker; photos stay private until the seller is selected, then show on its page', async ({ client, assert }) => {
    const page = await client.get('/supply/sellers/new').loginAs(await createUser())
    assert.include(page.text(), 'enctype="multipart/form-data"')
    assert.include(page.text(), 'data-photo-picker')
    assert.include(page.text(), 'data-upload-button')

    const response = await postWithPhotos(client, await createUser(), 2)
    assertRedirect(response, '/supply')
    const seller = await Seller.query().firstOrFail()
    const photos = await db.from('media').where({ subject_type: 'supply.seller', subject_id: seller.id })
    assert.lengthOf(photos, 2)
    assert.isTrue(photos.every((photo) => photo.visibility === 'private'))

    const staff = await createUser({ county: '510129', roles: ['center_staff'], scopes: { center_staff: '510129' } })
    const review = await client.get(`/admin/supply/sellers/${seller.id}`).loginAs(staff)
    assert.include(review.text(), `/media/${photos[0].public_id}/thumb`)
    await submitForm(client, `/admin/supply/sellers/${seller.id}/select`, {}, staff)
    assert.isTrue((await db.from('media').where({ subject_type: 'supply.seller', subject_id: seller.id })).every((photo) => photo.visibility === 'public'))
    ;(await client.get(`/supply/sellers/${seller.id}`)).assertTextIncludes(`/media/${photos[0].public_id}/thumb`)
    await submitForm(client, `/admin/supply/sellers/${seller.id}/remove`, { reason: '无法核实' }, staff)
    assert.isTrue((await db.from('media').where({ subject_type: 'supply.seller', subject_id: seller.id })).every((photo) => photo.visibility === 'private'))
  })

  test('seven photos: refused in Chinese, nothing stored', async ({ client, assert }) => {
    const response = await postWithPhotos(client, await createUser(), 7)
    response.assertStatus(302)
    assert.include(fieldErrors(response, 'photos').join(' '), '最多上传 6 张照片')
    assert.equal(await sellerCount(), 0)
  })
})
