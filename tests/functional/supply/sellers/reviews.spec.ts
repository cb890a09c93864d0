import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Seller from '#modules/supply/models/seller'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import { makeSeller } from '#tests/fixtures/supply/sellers'
import { currentSeason } from '#core/seasons'

const staffOf = (scope: string, role: 'center_staff' | 'center_admin' = 'center_staff') =>
  createUser({ county: scope.length === 6 ? scope : '510104', roles: [role], scopes: { [role]: scope } })
const reload = (seller: Seller) => Seller.findOrFail(seller.id)

test.group('Supply / the seller review queue', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('staff of 510104 see the proposals of 510104 only, oldest first, flagged ones marked', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    await makeSeller({ name: '锦江甲', status: 'proposed' })
    await makeSeller({ name: '锦江乙', status: 'proposed', flagged: true })
    await makeSeller({ name: '青羊丙', county: '510105', status: 'proposed' })
    await makeSeller({ name: '锦江已入选' })
    const page = await client.get('/admin/supply/sellers').loginAs(staff)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '<html')
    assert.include(html, '审核范围：成都市 锦江区')
    assert.isBelow(html.indexOf('锦江甲'), html.indexOf('锦江乙'))
    assert.include(html, '含敏感词')
    assert.notInclude(html, '青羊丙')
    assert.notInclude(html, '锦江已入选')
  })

  test('htmx gets the tab alone; an empty tab says so; city staff see their counties', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    await makeSeller({ name: '锦江已入选' })
    const selected = await client.get('/admin/supply/sellers?status=selected').loginAs(staff).header('HX-Request', 'true')
    selected.assertStatus(200)
    assert.notInclude(selected.text(), '<html')
    assert.include(selected.text(), '锦江已入选')
    const removed = await client.get('/admin/supply/sellers?status=removed').loginAs(staff).header('HX-Request', 'true')
    removed.assertTextIncludes('没有已移除的电商')

    await makeSeller({ name: '大邑待审', county: '510129', status: 'proposed' })
    const city = await client.get('/admin/supply/sellers').loginAs(await staffOf('5101'))
    city.assertTextIncludes('大邑待审')
  })

  test('the centre home links to the queue with the count of proposals waiting in scope', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    await makeSeller({ status: 'proposed' })
    await makeSeller({ status: 'proposed' })
    await makeSeller({ county: '510105', status: 'proposed' })
    const home = (await client.get('/').loginAs(staff)).text()
    assert.include(home, 'href="/admin/supply/sellers"')
    assert.match(home, /电商入选审核\s*<span class="badge"><span aria-hidden="true">2<\/span>/)
    assert.notInclude((await client.get('/').loginAs(await createUser())).text(), '/admin/supply/sellers')
  })

  test('a farmer may not review: 403 on the queue, a seller and both decisions', async ({ client, assert }) => {
    const farmer = await createUser()
    const seller = await makeSeller({ status: 'proposed' })
    ;(await client.get('/admin/supply/sellers').loginAs(farmer)).assertStatus(403)
    ;(await client.get(`/admin/supply/sellers/${seller.id}`).loginAs(farmer)).assertStatus(403)
    ;(await submitForm(client, `/admin/supply/sellers/${seller.id}/select`, {}, farmer)).assertStatus(403)
    ;(await submitForm(client, `/admin/supply/sellers/${seller.id}/remove`, { reason: '我不喜欢' }, farmer)).assertStatus(403)
    assert.equal((await reload(seller)).status, 'proposed')
  })

  test('staff of 510104 cannot see or touch a 510105 seller: 404, and it stays as it was', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const seller = await makeSeller({ name: '青羊电商', county: '510105', status: 'proposed' })
    const selected = await makeSeller({ name: '青羊入选', county: '510105' })
    const show = await client.get(`/admin/supply/sellers/${seller.id}`).loginAs(staff)
    show.assertStatus(404)
    assert.notInclude(show.text(), '青羊电商')
    ;(await submitForm(client, `/admin/supply/sellers/${seller.id}/select`, {}, staff)).assertStatus(404)
    ;(await submitHtmxForm(client, `/admin/supply/sellers/${seller.id}/select`, {}, staff)).assertStatus(404)
    ;(await submitForm(client, `/admin/supply/sellers/${selected.id}/remove`, { reason: '网店已关闭' }, staff)).assertStatus(404)
    // An empty reason would be a validation error: the scope is checked first, so nothing is learnt.
    ;(await submitForm(client, `/admin/supply/sellers/${selected.id}/remove`, { reason: '' }, staff)).assertStatus(404)
    assert.equal((await reload(seller)).status, 'proposed')
    assert.equal((await reload(selected)).status, 'selected')
  })
})

test.group('Supply / selecting and removing', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the review page shows the seller, its channels and both decisions', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const seller = await makeSeller({ name: '锦江待审', status: 'proposed', flagged: true })
    const page = await client.get(`/admin/supply/sellers/${seller.id}`).loginAs(staff)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '锦江待审')
    assert.include(html, '内容安全检查发现疑似敏感内容')
    assert.include(html, 'href="tel:13900000001"')
    assert.include(html, `action="/admin/supply/sellers/${seller.id}/select"`)
    assert.include(html, `action="/admin/supply/sellers/${seller.id}/remove"`)
  })

  test('selecting without JS: redirect with the message, listed publicly, audited with the role', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const seller = await makeSeller({ name: '锦江待审', status: 'proposed' })
    const response = await submitForm(client, `/admin/supply/sellers/${seller.id}/select`, {}, staff)
    assertRedirect(response, `/admin/supply/sellers/${seller.id}`)
    assert.equal(response.flashMessages().success, '已入选，已在供销对接中公开展示。')
    const decided = await reload(seller)
    assert.equal(decided.status, 'selected')
    assert.equal(decided.reviewedById, staff.id)
    ;(await client.get(`/supply/sellers/${seller.id}`)).assertStatus(200)
    assert.include((await client.get('/supply')).text(), '锦江待审')
    const audited = await db.from('audit_log').where({ action: 'supply.seller_select', subject_id: String(seller.id) }).first()
    assert.equal(audited.actor_role, 'center_staff')
    assert.equal(audited.county_code, '510104')
  })

  test('selecting with htmx: the decision fragment with its status line', async ({ client, assert }) => {
    const seller = await makeSeller({ status: 'proposed' })
    const response = await submitHtmxForm(client, `/admin/supply/sellers/${seller.id}/select`, {}, await staffOf('510104'))
    response.assertStatus(200)
    assert.notInclude(response.text(), '<html')
    assert.include(response.text(), '已入选，已在供销对接中公开展示。')
    assert.notInclude(response.text(), `/admin/supply/sellers/${seller.id}/select"`)
    assert.include(response.text(), `/admin/supply/sellers/${seller.id}/remove"`)
  })

  test('removing needs a reason (Chinese message, nothing changes); with one it is no longer listed', async ({ client, assert }) => {
    const staff = await staffOf('5101')
    const seller = await makeSeller({ name: '锦江入选' })
    const missing = await submitForm(client, `/admin/supply/sellers/${seller.id}/remove`, { reason: '' }, staff)
    missing.assertStatus(302)
    assert.deepEqual(fieldErrors(missing, 'reason'), ['移除时请填写理由'])
    const tooLong = await submitHtmxForm(client, `/admin/supply/sellers/${seller.id}/remove`, { reason: '关'.repeat(201) }, staff)
    tooLong.assertStatus(422)
    assert.equal(tooLong.header('hx-retarget'), '#seller-decision-errors')
    assert.include(tooLong.text(), '移除理由不能超过 200 个字')
    assert.equal((await reload(seller)).status, 'selected')

    const removed = await submitForm(client, `/admin/supply/sellers/${seller.id}/remove`, { reason: '网店已关闭' }, staff)
    assertRedirect(removed, `/admin/supply/sellers/${seller.id}`)
    const decided = await reload(seller)
    assert.equal(decided.status, 'removed')
    assert.equal(decided.removalReason, '网店已关闭')
    ;(await client.get(`/supply/sellers/${seller.id}`)).assertStatus(404)
    assert.notInclude((await client.get('/supply')).text(), '锦江入选')
    const page = await client.get(`/admin/supply/sellers/${seller.id}`).loginAs(staff)
    page.assertTextIncludes('网店已关闭')
  })

  test('the same decision twice is refused with a Chinese message', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const seller = await makeSeller()
    const twice = await submitForm(client, `/admin/supply/sellers/${seller.id}/select`, {}, staff)
    twice.assertStatus(302)
    assert.include(fieldErrors(twice, 'form').join(' '), '这家电商已经入选了')
    const htmx = await submitHtmxForm(client, `/admin/supply/sellers/${seller.id}/select`, {}, staff)
    htmx.assertStatus(422)
    assert.include(htmx.text(), '这家电商已经入选了')
  })
})

test.group('Supply / recommending a seller for a season', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('without JS: saved, tagged and listed first in its season; htmx: the decision fragment; cleared with an empty choice', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const recommended = await makeSeller({ name: '老牌电商' })
    await makeSeller({ name: '新入选电商' })
    const season = currentSeason()
    const plain = await submitForm(client, `/admin/supply/sellers/${recommended.id}/recommend`, { season }, staff)
    assertRedirect(plain, `/admin/supply/sellers/${recommended.id}`)
    assert.equal((await reload(recommended)).recommendedSeason, season)
    const list = (await client.get('/supply')).text()
    assert.isBelow(list.indexOf('老牌电商'), list.indexOf('新入选电商'))
    assert.include(list, '推荐')
    const audited = await db.from('audit_log').where({ action: 'supply.seller_recommend', subject_id: String(recommended.id) }).first()
    assert.equal(audited.actor_role, 'center_staff')

    const htmx = await submitHtmxForm(client, `/admin/supply/sellers/${recommended.id}/recommend`, { season: '' }, staff)
    htmx.assertStatus(200)
    assert.include(htmx.text(), '已取消推荐。')
    assert.isNull((await reload(recommended)).recommendedSeason)
  })

  test('another county\'s staff get 404; a proposal cannot be recommended; an unknown season is refused in Chinese', async ({ client, assert }) => {
    const seller = await makeSeller()
    ;(await submitForm(client, `/admin/supply/sellers/${seller.id}/recommend`, { season: 'spring' }, await staffOf('510105'))).assertStatus(404)
    assert.isNull((await reload(seller)).recommendedSeason)
    const staff = await staffOf('510104')
    const bad = await submitForm(client, `/admin/supply/sellers/${seller.id}/recommend`, { season: 'monsoon' }, staff)
    assert.deepEqual(fieldErrors(bad, 'season'), ['请选择春季、夏季、秋季或冬季'])
    const proposal = await makeSeller({ status: 'proposed' })
    const refused = await submitHtmxForm(client, `/admin/supply/sellers/${proposal.id}/recommend`, { season: 'spring' }, staff)
    refused.assertStatus(422)
    assert.include(refused.text(), '只有已入选的电商才能推荐')
  })
})
