import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import ExcelJS from 'exceljs'
import { clock, MINUTE } from '#core/clock'
import { COVERAGE_TTL_MS } from '#modules/experts/officers/officer_coverage'
import { assertRedirect, downloadedSheet, createUser, submitForm } from '#tests/helpers'
import { staffOf } from '#tests/fixtures/experts/consultations'
import { makeOfficer, seedDayi } from '#tests/fixtures/experts/officers'
import { JINJIANG_VILLAGES, seedVillages } from '#tests/fixtures/regions/villages'

/*
 * The fixture: 大邑县 (510129) has three villages — 五星村 covered (2 verified, one active),
 * 金星社区 one verified (a gap), 凤凰村 none (a gap); 锦江区 (510104) one village covered
 * (2 verified, neither active); 邻水县 (511623, another city) one village with nobody.
 * Pending and rejected applications count for nothing.
 */
async function coverageFixture() {
  await seedDayi()
  await seedVillages(JINJIANG_VILLAGES)
  await seedVillages([{ code: '511623101001', name: '团结村', township: '鼎屏镇' }])
  await makeOfficer({ village: '510129101001', status: 'verified', name: '五星甲', lastReportedDaysAgo: 10 })
  await makeOfficer({ village: '510129101001', status: 'verified', name: '五星乙', lastReportedDaysAgo: 100 })
  await makeOfficer({ village: '510129101001', status: 'pending', name: '五星丙' })
  const { user: jinxing } = await makeOfficer({ village: '510129101002', status: 'verified', name: '金星甲', lastReportedDaysAgo: 5 })
  await makeOfficer({ village: '510129101002', status: 'rejected', name: '金星乙' })
  await makeOfficer({ village: '510104001001', status: 'verified', name: '锦官甲' })
  await makeOfficer({ village: '510104001001', status: 'verified', name: '锦官乙' })
  return { jinxing }
}

const platformAdmin = () => createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
const coverage = (client: any, user: any, region?: string) => client.get(`/admin/officers/coverage${region ? `?region=${region}` : ''}`).loginAs(user)

test.group('信息员 coverage / counts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('a county page: its villages with the gaps first, the townships, the totals', async ({ client, assert }) => {
    await coverageFixture()
    const page = await coverage(client, await staffOf('510129'))
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '3 个村，1 个达标；认证信息员 3 名，活跃 2 名')
    assert.include(html, '2 个村不足 2 名信息员（共 3 个村），排在最前')
    const order = ['王泗镇 凤凰村', '晋原街道 金星社区', '晋原街道 五星村'].map((name) => html.indexOf(name))
    assert.isAbove(order[0], -1)
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'the gaps first, the fewest first')
    assert.match(html, /<tr class="gap">\s*<td>王泗镇 凤凰村/)
    assert.match(html, /<td>晋原街道<\/td><td>1\/2<\/td><td>3<\/td><td>2<\/td>/)
    assert.match(html, /<td>王泗镇<\/td><td>0\/1<\/td><td>0<\/td><td>0<\/td>/)
    assert.notInclude(html, '锦官社区')
    assert.notInclude(html, '<svg viewBox="0 0', 'no county map on a county page')

    const fragment = await coverage(client, await staffOf('510129'), '510129').header('HX-Request', 'true')
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '3 个村，1 个达标')
  })

  test('a county without a registry says so', async ({ client }) => {
    const page = await coverage(client, await staffOf('510105'))
    page.assertStatus(200)
    page.assertTextIncludes('本县还没有村名录，请先导入。')
  })

  test('the city rolls its counties up, the province its cities; each row links down', async ({ client, assert }) => {
    await coverageFixture()
    const city = (await coverage(client, await staffOf('5101'))).text()
    assert.include(city, '4 个村，2 个达标；认证信息员 5 名，活跃 2 名')
    assert.match(city, /大邑县<\/a><\/td>\s*<td>1\/3<\/td>\s*<td>3<\/td>\s*<td>2<\/td>/)
    assert.match(city, /锦江区<\/a><\/td>\s*<td>1\/1<\/td>\s*<td>2<\/td>\s*<td>0<\/td>/)
    assert.include(city, 'href="/admin/officers/coverage?region=510129"')
    assert.notInclude(city, '邻水县</a>')

    const province = (await coverage(client, await platformAdmin())).text()
    assert.include(province, '5 个村，2 个达标；认证信息员 5 名，活跃 2 名')
    assert.match(province, /成都市<\/a><\/td>\s*<td>2\/4<\/td>\s*<td>5<\/td>\s*<td>2<\/td>/)
    assert.match(province, /广安市<\/a><\/td>\s*<td>0\/1<\/td>\s*<td>0<\/td>\s*<td>0<\/td>/)
    assert.include(province, 'href="/admin/officers/coverage?region=510100"')
    // Down to a county and back up.
    const county = (await coverage(client, await platformAdmin(), '510129')).text()
    assert.include(county, 'href="/admin/officers/coverage?region=510100"')
  })

  test('the roll-up is kept ten minutes, but a verification shows at once', async ({ client, assert }) => {
    await coverageFixture()
    const admin = await platformAdmin()
    assert.include((await coverage(client, admin)).text(), '5 个村，2 个达标；认证信息员 5 名')
    await seedVillages([{ code: '511623101002', name: '新民村', township: '鼎屏镇' }])
    assert.include((await coverage(client, admin)).text(), '5 个村，2 个达标', 'kept: the new village is not counted yet')
    clock.travel(COVERAGE_TTL_MS + MINUTE)
    assert.include((await coverage(client, admin)).text(), '6 个村，2 个达标', 'ten minutes on: computed again')

    const { officer } = await makeOfficer({ village: '510129101002', name: '金星丙' })
    assertRedirect(await submitForm(client, `/admin/experts/officers/${officer.id}/verify`, {}, await staffOf('510129')), '/admin/experts/officers')
    assert.include((await coverage(client, admin)).text(), '6 个村，3 个达标；认证信息员 6 名', 'the verification dropped the kept figures')
    assert.include((await coverage(client, await staffOf('5101'))).text(), '4 个村，3 个达标；认证信息员 6 名')
  })

  test('the county map is shaded by the share of each county’s villages covered', async ({ client, assert }) => {
    await coverageFixture()
    const province = (await coverage(client, await platformAdmin())).text()
    assert.include(province, '各县达标村占比')
    assert.include(province, '<a href="/admin/officers/coverage?region=510129"><title>成都市 大邑县：1/3 个村达标（33%）</title>')
    assert.include(province, '<title>成都市 锦江区：1/1 个村达标（100%）</title>')
    assert.include(province, '<title>广安市 邻水县：0/1 个村达标（0%）</title>')
    assert.include(province, '成都市 青羊区：还没有村名录')
    assert.match(province, /<title>成都市 锦江区：[^<]*<\/title><path d="[^"]+" fill="#155c2b"/, 'all covered: the darkest green')
    assert.match(province, /<title>成都市 大邑县：[^<]*<\/title><path d="[^"]+" fill="#9fd1ae"/, '33 %: the second step of five')
    assert.include(province, '81–100')

    const city = (await coverage(client, await staffOf('5101'))).text()
    assert.include(city, '<title>成都市 大邑县：1/3 个村达标（33%）</title>')
    assert.match(city, /<path d="[^"]+" fill="#f7f8f7"><title>广安市 邻水县<\/title>/, 'outside the city: pale, no figures, no link')
  })
})

test.group('信息员 coverage / who sees what', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a 510104 centre cannot see 510129 or the city (404), nor export them; it sees its own county', async ({ client, assert }) => {
    await coverageFixture()
    const staff = await staffOf('510104')
    ;(await coverage(client, staff, '510129')).assertStatus(404)
    ;(await coverage(client, staff, '510100')).assertStatus(404)
    ;(await client.get('/admin/officers/coverage/export?region=510129').loginAs(staff)).assertStatus(404)
    const own = (await coverage(client, staff)).text()
    assert.include(own, '锦官社区')
    assert.notInclude(own, '五星村')
    assert.notInclude(own, '上一级', 'a county centre has no way up')
    assert.lengthOf(await db.from('audit_log').where('action', 'officers.coverage_export'), 0)
  })

  test('people without a centre role get 403, a guest the login; an unknown region is refused', async ({ client }) => {
    await seedDayi()
    for (const user of [await createUser(), (await makeOfficer({ status: 'verified' })).user]) {
      ;(await coverage(client, user)).assertStatus(403)
      ;(await client.get('/admin/officers/coverage/export').loginAs(user)).assertStatus(403)
    }
    assertRedirect(await client.get('/admin/officers/coverage').redirects(0), '/login')
    const bad = await client.get('/admin/officers/coverage?region=999999').loginAs(await staffOf('510104')).redirects(0)
    bad.assertStatus(302)
  })
})

test.group('信息员 coverage / export', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('CSV: every village of the region with its counts and officers (phones masked), formulas never exported as formulas; audited', async ({ client, assert }) => {
    const { jinxing } = await coverageFixture()
    await db.from('users').where('id', jinxing.id).update({ name: "=cmd|' /C calc'!A0" })
    const staff = await staffOf('510129')
    const response = await client.get('/admin/officers/coverage/export?region=510129&format=csv').loginAs(staff)
    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.include(response.header('content-disposition'), 'coverage-510129.csv')
    const lines = response.text().replace(/^\uFEFF/, '').trim().split('\r\n')
    assert.equal(lines[0], '区县,乡镇,村,区划代码,认证信息员,近90天活跃,信息员（手机号已隐藏）')
    assert.lengthOf(lines, 4)
    assert.match(lines[1], /^成都市 大邑县,晋原街道,五星村,510129101001,2,1,五星甲 1\d\d\*\*\*\*\d{4}；五星乙 1\d\d\*\*\*\*\d{4}$/)
    assert.isTrue(lines[2].endsWith(`,'=cmd|' /C calc'!A0 ${jinxing.maskedPhone}`), 'the formula is quoted away with a leading apostrophe')
    assert.equal(lines[3], '成都市 大邑县,王泗镇,凤凰村,510129102001,0,0,')
    assert.notInclude(response.text(), jinxing.phone)
    const audited = await db.from('audit_log').where('action', 'officers.coverage_export').firstOrFail()
    assert.equal(Number(audited.actor_id), Number(staff.id))
    assert.equal(audited.subject_id, '510129')
  })

  test('XLSX opens with the header and rows; a formula-like name is text, not a formula', async ({ client, assert }) => {
    const { jinxing } = await coverageFixture()
    await db.from('users').where('id', jinxing.id).update({ name: '=HYPERLINK("http://x.cn","点")' })
    const sheet = await downloadedSheet(client.get('/admin/officers/coverage/export?region=510100&format=xlsx').loginAs(await staffOf('5101')))
    assert.equal(sheet.name, '信息员覆盖')
    assert.equal(sheet.rowCount, 5, 'the header and the city’s four villages')
    assert.deepEqual((sheet.getRow(2).values as any[]).slice(1, 7), ['成都市 锦江区', '春熙路街道', '锦官社区', '510104001001', 2, 0])
    const cell = sheet.getRow(4).getCell(7)
    assert.equal(cell.type, ExcelJS.ValueType.String)
    assert.isTrue(String(cell.value).startsWith('=HYPERLINK'))
  })
})
