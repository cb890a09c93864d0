import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { clock } from '#core/clock'
import { refreshCaseFacts } from '#modules/experts/public'
import { createUser } from '#tests/helpers'
import { makeCase, staffOf } from '#tests/fixtures/experts/consultations'

/** Three cases of 锦江区 (510104) and one of 青羊区 (510105) this week, two of 自流井区 (510302, 自贡) — and one of 锦江区 a year ago. */
async function fixture() {
  const rollback = await testUtils.db().withGlobalTransaction()
  await db.from('experts_statistics_snapshots').delete()
  await db.from('experts_case_facts').delete()
  await db.from('experts_case_facts_progress').update({ last_case_id: 0, last_event_id: 0 })
  const now = DateTime.fromJSDate(clock.now())
  for (const [county, industry, days] of [
    ['510104', 'grain_oil', 1],
    ['510104', 'grain_oil', 2],
    ['510104', 'tea', 3],
    ['510105', 'pig', 1],
    ['510302', 'tea', 1],
    ['510302', 'tea', 2],
    ['510104', 'pig', 400],
  ] as const) {
    await makeCase({ reporter: await createUser({ county }), county, industry, submittedAt: now.minus({ days }), state: 'resolved_by_similar' })
  }
  await refreshCaseFacts()
  return rollback
}

test.group('Admin / dashboard', (group) => {
  group.each.setup(fixture)

  test('a city admin of 5101 sees 5101 on the map, its counties and industries; htmx gets the body alone', async ({ client, assert }) => {
    const admin = await createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '5101' } })
    const page = await client.get('/admin/dashboard').loginAs(admin)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '<html')
    assert.match(html, /id="dash-cases">4</)
    assert.include(html, '<figure class="county-map">')
    assert.include(html, '成都市 锦江区：3 件')
    assert.include(html, '成都市 青羊区：1 件')
    assert.notInclude(html, '自流井区：2 件', 'no other city on the map')
    assert.match(html, /<table id="dash-counties">[\s\S]*锦江区<\/td><td class="num">3<[\s\S]*青羊区<\/td><td class="num">1</)
    assert.match(html, /id="dash-industries">[\s\S]*川粮油|id="dash-industries">[\s\S]*grain_oil|id="dash-industries"/)
    assert.notInclude(html, 'style=')
    assert.notInclude(html, '<script src="/assets/chart', 'no chart library')

    const fragment = await client.get('/admin/dashboard?period=week').header('HX-Request', 'true').loginAs(admin)
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.match(fragment.text(), /id="dash-cases">4</)

    const year = await client.get('/admin/dashboard?period=year').loginAs(admin)
    assert.match(year.text(), /id="dash-cases">4</)
    const county = await client.get('/admin/dashboard?region=510105').loginAs(admin)
    assert.match(county.text(), /id="dash-cases">1</)
  })

  test("another city's admin gets 404 for 5101 and sees none of its numbers; county staff only their county; farmers 403", async ({ client, assert }) => {
    const zigong = await createUser({ county: '510302', roles: ['center_admin'], scopes: { center_admin: '5103' } })
    const own = await client.get('/admin/dashboard').loginAs(zigong)
    assert.match(own.text(), /id="dash-cases">2</)
    assert.notInclude(own.text(), '锦江区：')
    for (const region of ['510100', '510104', '510000']) {
      const hidden = await client.get(`/admin/dashboard?region=${region}`).loginAs(zigong)
      hidden.assertStatus(404)
      assert.notInclude(hidden.text(), 'dash-cases')
    }
    const staff = await staffOf('510105')
    assert.match((await client.get('/admin/dashboard').loginAs(staff)).text(), /id="dash-cases">1</)
    ;(await client.get('/admin/dashboard?region=510104').loginAs(staff)).assertStatus(404)
    ;(await client.get('/admin/dashboard').loginAs(await createUser())).assertStatus(403)
    const province = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    assert.match((await client.get('/admin/dashboard').loginAs(province)).text(), /id="dash-cases">6</)
  })

  test('bad input: an unknown period or a malformed region — Chinese messages, no figures; an empty region says so', async ({ client, assert }) => {
    const admin = await createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '5101' } })
    for (const [qs, message] of [
      ['period=decade', '请选择列表中的时间段'],
      ['region=abc', '请选择有效的地区'],
      ['region=5101', '请选择有效的地区'],
    ]) {
      const response = await client.get(`/admin/dashboard?${qs}`).loginAs(admin)
      response.assertStatus(422)
      assert.include(response.text(), message, qs)
      assert.notInclude(response.text(), 'id="dash-cases"')
    }
    const empty = await client.get('/admin/dashboard?region=510106').loginAs(admin)
    empty.assertStatus(200)
    assert.match(empty.text(), /id="dash-cases">0</)
    assert.include(empty.text(), '这段时间没有咨询。')
  })
})
