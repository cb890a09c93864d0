import { test } from '@japa/runner'
import { gzipSync } from 'node:zlib'
import testUtils from '@adonisjs/core/services/test_utils'
import InnovationPlatform from '#modules/achievements/models/innovation_platform'
import { assertRedirect, createUser, fieldErrors, submitForm } from '#tests/helpers'
import { centreStaff, makePlatform, platformForm } from '#tests/fixtures/achievements/platforms'

test.group('Achievements / 农村双创平台: the map and the registry', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the map: every county a link to its list, coloured by count, labelled 示意图, small; a county link opens its list', async ({ client, assert }) => {
    await makePlatform({ county: '510105', name: '青羊区农业科技园区' })
    await makePlatform({ county: '510105', name: '青羊区众创空间' })
    await makePlatform({ county: '510129', name: '大邑县星创天地' })
    const page = await client.get('/achievements/platforms/map')
    page.assertStatus(200)
    const html = page.text()
    assert.equal(html.match(/<a href="\/achievements\/platforms\/counties\/\d{6}"><title>/g)?.length, 183)
    assert.include(html, '示意图')
    assert.include(html, '<title>成都市 青羊区：2 个双创平台</title>')
    assert.include(html, '<title>成都市 锦江区：0 个双创平台</title>')
    assert.include(html, '全省共登记 3 个')
    const gzipKb = gzipSync(html).length / 1024
    console.log(`platform map page: ${(html.length / 1024).toFixed(1)} KB, ${gzipKb.toFixed(1)} KB gzip`)
    assert.isBelow(gzipKb, 40, `map page ${gzipKb.toFixed(1)} KB gzip`)

    const county = await client.get('/achievements/platforms/counties/510105')
    county.assertStatus(200)
    assert.include(county.text(), '青羊区农业科技园区')
    assert.include(county.text(), '青羊区众创空间')
    assert.notInclude(county.text(), '大邑县星创天地')
    const empty = await client.get('/achievements/platforms/counties/510104')
    assert.include(empty.text(), '这个区县还没有登记双创平台')
  })

  test('an unknown county code is 404: not a county, not in Sichuan, a city, not digits', async ({ client }) => {
    for (const code of ['519999', '110101', '510100', '510000', 'abcdef', '5101041']) {
      ;(await client.get(`/achievements/platforms/counties/${code}`)).assertStatus(404)
    }
    ;(await client.get('/achievements/platforms/999999')).assertStatus(404)
  })

  test('a 510104 centre registers and edits its own platform; a 510105 platform is 404 for it and stays as it was', async ({ client, assert }) => {
    const jinjiang = await centreStaff('510104')
    const saved = await submitForm(client, '/achievements/platforms', platformForm(), jinjiang)
    const own = await InnovationPlatform.findByOrFail('name', '锦江区农业星创天地')
    assertRedirect(saved, `/achievements/platforms/${own.id}`)
    ;(await client.get(`/achievements/platforms/${own.id}/edit`).loginAs(jinjiang)).assertStatus(200)
    assertRedirect(await submitForm(client, `/achievements/platforms/${own.id}`, platformForm({ name: '锦江区三圣星创天地' }), jinjiang), `/achievements/platforms/${own.id}`)
    await own.refresh()
    assert.equal(own.name, '锦江区三圣星创天地')

    const qingyang = await makePlatform({ county: '510105' })
    ;(await client.get(`/achievements/platforms/${qingyang.id}/edit`).loginAs(jinjiang)).assertStatus(404)
    ;(await submitForm(client, `/achievements/platforms/${qingyang.id}`, platformForm({ county_code: '510104', name: '被锦江改掉的名字' }), jinjiang)).assertStatus(404)
    const page = await client.get(`/achievements/platforms/${qingyang.id}`).loginAs(jinjiang)
    page.assertStatus(200)
    assert.notInclude(page.text(), `/achievements/platforms/${qingyang.id}/edit`)
    // …and moving one's own platform into 510105 is refused.
    const moved = await submitForm(client, `/achievements/platforms/${own.id}`, platformForm({ county_code: '510105' }), jinjiang)
    assert.include(fieldErrors(moved, 'county_code').join(' '), '只能登记本中心管辖区县的双创平台')
    await qingyang.refresh()
    assert.equal(qingyang.name, '青羊区农业科技园区')

    // The other side: the 510105 centre edits it, and a Chengdu city centre edits both.
    const qingyangStaff = await centreStaff('510105')
    ;(await client.get(`/achievements/platforms/${qingyang.id}/edit`).loginAs(qingyangStaff)).assertStatus(200)
    ;(await client.get(`/achievements/platforms/${own.id}/edit`).loginAs(qingyangStaff)).assertStatus(404)
    const city = await centreStaff('5101')
    ;(await client.get(`/achievements/platforms/${qingyang.id}/edit`).loginAs(city)).assertStatus(200)
    ;(await client.get(`/achievements/platforms/${own.id}/edit`).loginAs(city)).assertStatus(200)
  })

  test('not centre staff: 403 for the registry; bad input gets Chinese messages and stores nothing', async ({ client, assert }) => {
    const farmer = await createUser()
    ;(await client.get('/achievements/platforms/new').loginAs(farmer)).assertStatus(403)
    ;(await submitForm(client, '/achievements/platforms', platformForm(), farmer)).assertStatus(403)
    const staff = await centreStaff('510104')
    assert.include(fieldErrors(await submitForm(client, '/achievements/platforms', platformForm({ kind: 'casino' }), staff), 'kind').join(' '), '请选择有效的平台类型')
    assert.include(fieldErrors(await submitForm(client, '/achievements/platforms', platformForm({ name: '' }), staff), 'name').join(' '), '请填写平台名称')
    assert.lengthOf(await InnovationPlatform.all(), 0)
  })
})
