import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import OperationCenter from '#modules/admin/models/operation_center'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import { staffOf } from '#tests/fixtures/experts/consultations'
import { chengduAdmin, jinjiangVillage, makeCentre } from '#tests/fixtures/admin/centres'

/** 成都's own centre and two of its counties, 自贡's centre and one of its counties. */
async function centres() {
  return {
    chengdu: await makeCentre('510100', { name: '成都市运管中心' }),
    jinjiang: await makeCentre('510104', { name: '锦江区运管中心' }),
    qingyang: await makeCentre('510105', { name: '青羊区运管中心' }),
    zigong: await makeCentre('510300', { name: '自贡市运管中心' }),
    ziliujing: await makeCentre('510302', { name: '自流井区运管中心' }),
  }
}

test.group('Admin / centres / the list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("a city admin of 5101 lists 5101's centres and none of 5103's; htmx gets the list alone", async ({ client, assert }) => {
    await centres()
    const page = await client.get('/admin/centres').loginAs(await chengduAdmin())
    page.assertStatus(200)
    assert.include(page.text(), '<html')
    for (const name of ['成都市运管中心', '锦江区运管中心', '青羊区运管中心']) assert.include(page.text(), name)
    for (const name of ['自贡市运管中心', '自流井区运管中心']) assert.notInclude(page.text(), name)
    assert.include(page.text(), '六有已通过 0/6')
    assert.include(page.text(), 'name="region_code"', 'an administrator may register')

    const fragment = await client.get('/admin/centres?level=county').header('HX-Request', 'true').loginAs(await chengduAdmin())
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '锦江区运管中心')
    assert.notInclude(fragment.text(), '成都市运管中心')
  })

  test("another city's admin sees only its own; a county's staff only their county; a farmer is refused", async ({ client, assert }) => {
    await centres()
    const zigong = await createUser({ county: '510302', roles: ['center_admin'], scopes: { center_admin: '5103' } })
    const own = await client.get('/admin/centres').loginAs(zigong)
    assert.include(own.text(), '自流井区运管中心')
    for (const name of ['成都市运管中心', '锦江区运管中心', '青羊区运管中心']) assert.notInclude(own.text(), name)

    const staff = await client.get('/admin/centres').loginAs(await staffOf('510105'))
    assert.include(staff.text(), '青羊区运管中心')
    assert.notInclude(staff.text(), '锦江区运管中心')
    assert.notInclude(staff.text(), '成都市运管中心')
    assert.notInclude(staff.text(), 'name="region_code"', 'staff do not register')

    ;(await client.get('/admin/centres').loginAs(await createUser())).assertStatus(403)
    ;(await client.get('/admin/centres').redirects(0)).assertStatus(302)
  })

  test('an empty scope says so; the list is paginated by 20', async ({ client, assert }) => {
    const empty = await client.get('/admin/centres').loginAs(await chengduAdmin())
    assert.include(empty.text(), '管理范围内还没有登记运管中心。')
    const counties = await db.from('regions').where('level', 'county').orderBy('code').limit(22).select('code')
    for (const { code } of counties) await makeCentre(code)
    const admin = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    const first = await client.get('/admin/centres').loginAs(admin)
    assert.include(first.text(), 'page=2')
    const second = await client.get('/admin/centres?page=2').loginAs(admin)
    assert.include(second.text(), `${counties[21].code}运管中心`)
    assert.notInclude(second.text(), `${counties[0].code}运管中心`)
    const bad = await client.get('/admin/centres?level=town').loginAs(admin).redirects(0)
    assert.oneOf(bad.status(), [302, 422])
  })
})

test.group('Admin / centres / registering', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a city admin registers a county centre of the city (no JavaScript): its page follows, audited', async ({ client, assert }) => {
    const admin = await chengduAdmin()
    const response = await submitForm(client, '/admin/centres', { region_code: '510104', name: '锦江区运管中心', address: '锦江区东大街 1 号' }, admin)
    const centre = await OperationCenter.findByOrFail('region_code', '510104')
    assertRedirect(response, `/admin/centres/${centre.id}`)
    assert.equal(centre.level, 'county')
    assert.equal(response.flashMessages().success, '已登记锦江区运管中心')
    const audited = await db.from('audit_log').where({ action: 'centre.register', subject_id: String(centre.id) }).first()
    assert.equal(audited.actor_id, admin.id)
    assert.equal(audited.county_code, '510104')

    const again = await submitForm(client, '/admin/centres', { region_code: '510104', name: '锦江区第二中心', address: '东大街 2 号' }, admin)
    assert.deepEqual(fieldErrors(again, 'region_code'), ['这里已经登记了运管中心'])
    assert.equal(Number((await db.from('admin_operation_centers').count('* as n').first()).n), 1)
  })

  test("a village station needs a current village of the county; the county's admin registers it", async ({ client, assert }) => {
    await jinjiangVillage()
    const countyAdmin = await staffOf('510104', 'center_admin')
    const unknown = await submitForm(client, '/admin/centres', { region_code: '510104', village_code: '510104001999', name: '红星社区服务站', address: '红星社区' }, countyAdmin)
    assert.deepEqual(fieldErrors(unknown, 'village_code'), ['该区县的村名录中没有这个村代码'])
    const response = await submitForm(client, '/admin/centres', { region_code: '510104', village_code: '510104001001', name: '红星社区服务站', address: '红星社区' }, countyAdmin)
    response.assertStatus(302)
    const station = await OperationCenter.findByOrFail('village_code', '510104001001')
    assert.equal(station.level, 'village')
    assert.include((await client.get(`/admin/centres/${station.id}`).loginAs(countyAdmin)).text(), '红星社区')
  })

  test('nobody registers at their own level (403) or outside their scope (404): a county admin its county or city, a city admin another city, staff anything', async ({ client, assert }) => {
    ;(await submitForm(client, '/admin/centres', { region_code: '510104', name: '锦江区运管中心', address: '东大街' }, await staffOf('510104', 'center_admin'))).assertStatus(403)
    ;(await submitForm(client, '/admin/centres', { region_code: '510302', name: '自流井区运管中心', address: '东大街' }, await chengduAdmin())).assertStatus(404)
    ;(await submitForm(client, '/admin/centres', { region_code: '510100', name: '成都市运管中心', address: '天府大道' }, await staffOf('510104', 'center_admin'))).assertStatus(404)
    ;(await submitForm(client, '/admin/centres', { region_code: '510104', name: '锦江区运管中心', address: '东大街' }, await staffOf('5101'))).assertStatus(403)
    assert.equal(Number((await db.from('admin_operation_centers').count('* as n').first()).n), 0)
  })

  test('bad input: an unknown region, a short name, markup — Chinese messages, nothing stored', async ({ client, assert }) => {
    const admin = await chengduAdmin()
    const unknown = await submitForm(client, '/admin/centres', { region_code: '519999', name: '某中心', address: '某地' }, admin)
    assert.deepEqual(fieldErrors(unknown, 'region_code'), ['请选择有效的地区'])
    const short = await submitForm(client, '/admin/centres', { region_code: '510104', name: '锦', address: '<b>x</b>' }, admin)
    assert.include(fieldErrors(short, 'name').join(), '中心名称至少 2 个字')
    assert.deepEqual(fieldErrors(short, 'address'), ['地址格式不对'])
    const village = await submitForm(client, '/admin/centres', { region_code: '510104', village_code: '12ab', name: '某站', address: '某地' }, admin)
    assert.deepEqual(fieldErrors(village, 'village_code'), ['村代码是 12 位数字'])
    const htmx = await submitHtmxForm(client, '/admin/centres', { region_code: '510104', name: '', address: '' }, admin)
    htmx.assertStatus(422)
    assert.include(htmx.text(), '请填写中心名称')
    assert.equal(Number((await db.from('admin_operation_centers').count('* as n').first()).n), 0)
  })
})

test.group('Admin / centres / a centre page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("a city admin of 5101 sees a county centre's checklist, staff and figures; htmx gets the checklist alone", async ({ client, assert }) => {
    const { jinjiang } = await centres()
    const zhou = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' }, name: '周专员' })
    const page = await client.get(`/admin/centres/${jinjiang.id}`).loginAs(await chengduAdmin())
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '锦江区运管中心')
    for (const item of ['有机构', '有职能', '有 3–5 名人员', '有场所', '有设备', '有经费']) assert.include(html, item)
    assert.include(html, '未填报')
    assert.match(html, /id="centre-staff">[\s\S]*周专员/)
    assert.match(html, /id="centre-cases">0</)
    assert.notInclude(html, zhou.phone, 'phones are masked')
    assert.include(html, zhou.maskedPhone)
    assert.include(html, `href="/admin/roles/users/${zhou.id}"`, 'an administrator goes on to the role grants')

    const fragment = await client.get(`/admin/centres/${jinjiang.id}`).header('HX-Request', 'true').loginAs(await chengduAdmin())
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), 'id="checklist-progress"')
  })

  test("another city's admin, another county's staff get 404 and see nothing of the centre; a county's staff not their city's", async ({ client, assert }) => {
    const { chengdu, jinjiang } = await centres()
    const zigong = await createUser({ county: '510302', roles: ['center_admin'], scopes: { center_admin: '5103' } })
    for (const url of [`/admin/centres/${jinjiang.id}`, `/admin/centres/${chengdu.id}`, `/admin/centres/${jinjiang.id}/items/premises`]) {
      const hidden = await client.get(url).loginAs(zigong)
      hidden.assertStatus(404)
      assert.notInclude(hidden.text(), '锦江区运管中心')
    }
    ;(await client.get(`/admin/centres/${jinjiang.id}`).loginAs(await staffOf('510105'))).assertStatus(404)
    ;(await client.get(`/admin/centres/${chengdu.id}`).loginAs(await staffOf('510104'))).assertStatus(404)
    const own = await client.get(`/admin/centres/${jinjiang.id}`).loginAs(await staffOf('510104'))
    own.assertStatus(200)
    assert.notInclude(own.text(), '/admin/roles', 'staff do not manage roles')
    ;(await client.get('/admin/centres/999999').loginAs(await chengduAdmin())).assertStatus(404)
  })
})
