import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { BEIJING, clock } from '#core/clock'
import { refreshCaseFacts } from '#modules/experts/public'
import { scoreEndedPeriods } from '#modules/admin/evaluations/evaluation_actions'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import { infoOfficer, makeCase, staffOf } from '#tests/fixtures/experts/consultations'
import { chengduAdmin, makeCentre } from '#tests/fixtures/admin/centres'

/** Last month (Beijing): three valid, five-star cases of 锦江区 (reported by its 信息员 李信息), one of 青羊区, two of 自流井区 (自贡); their centres. */
async function fixture() {
  await db.from('experts_statistics_snapshots').delete()
  const month = DateTime.fromJSDate(clock.now()).setZone(BEIJING).minus({ months: 1 }).startOf('month')
  const officer = await infoOfficer('510104')
  for (const [county, day] of [['510104', 3], ['510104', 5], ['510104', 8], ['510105', 4], ['510302', 3], ['510302', 6]] as const) {
    const reporter = county === '510104' ? officer : undefined
    await makeCase({ county, reporter, state: 'followed_up', submittedAt: month.plus({ days: day }), rating: 5, valid: true })
  }
  await refreshCaseFacts()
  await makeCentre('510104', { name: '锦江区运管中心' })
  await makeCentre('510105', { name: '青羊区运管中心' })
  await makeCentre('510302', { name: '自流井区运管中心' })
  return month.toFormat('yyyy-MM')
}

const zigongAdmin = () => createUser({ county: '510302', roles: ['center_admin'], scopes: { center_admin: '5103' } })

test.group('Admin / evaluations / scores and the ranking per city', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("the city sets 锦江区's target (no JavaScript), computes the month's scores (htmx): 锦江区 ranks first, nothing of 自贡", async ({ client, assert }) => {
    const period = await fixture()
    const admin = await chengduAdmin()
    const year = Number(period.slice(0, 4))
    assertRedirect(await submitForm(client, '/admin/evaluations/targets', { county_code: '510104', year: String(year), monthly_valid: '3' }, admin), `/admin/evaluations?city=510100&period=${year}`)
    assert.equal((await db.from('admin_evaluation_targets').where({ county_code: '510104', year }).first()).monthly_valid, 3)

    const empty = await client.get(`/admin/evaluations?city=510100&period=${period}`).loginAs(admin)
    empty.assertStatus(200)
    assert.include(empty.text(), '这一期还没有评分')
    assert.include(empty.text(), 'id="t-510104" name="monthly_valid" value="3"')

    const computed = await submitHtmxForm(client, '/admin/evaluations/compute', { city: '510100', period }, admin)
    computed.assertStatus(200)
    assert.notInclude(computed.text(), '<html')
    assert.include(computed.text(), `已计算 2 个中心 ${period} 的评分`)
    const ranking = computed.text()
    assert.match(ranking, /<td class="num">1<\/td>\s*<td><a [^>]*>锦江区运管中心<\/a><\/td>\s*<td class="num">3\/3<\/td>/)
    assert.match(ranking, /<td class="num">2<\/td>\s*<td><a [^>]*>青羊区运管中心<\/a><\/td>\s*<td class="num">1\/20<\/td>/)
    assert.notInclude(ranking, '自流井区运管中心')
    const scores = await db.from('admin_center_scores').where('period', period).orderBy('score', 'desc')
    assert.lengthOf(scores, 2)
    assert.isAbove(scores[0].score, scores[1].score)
    assert.isNotNull(await db.from('audit_log').where({ action: 'evaluation.compute', county_code: '510100' }).first())
    const centrePage = await client.get(`/admin/centres/${scores[0].center_id}`).loginAs(admin)
    assert.match(centrePage.text(), new RegExp(`id="centre-scores">[\\s\\S]*${period} <strong>100.0 分</strong>`))

    const page = await client.get(`/admin/evaluations?city=510100&period=${period}`).loginAs(admin)
    assert.include(page.text(), '<html')
    assert.include(page.text(), 'id="evaluation-ranking"')
    const fragment = await client.get(`/admin/evaluations?city=510100&period=${period}`).header('HX-Request', 'true').loginAs(admin)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '锦江区运管中心')

    assertRedirect(await submitForm(client, '/admin/evaluations/compute', { city: '510100', period }, admin), `/admin/evaluations?city=510100&period=${period}`)
    assert.lengthOf(await db.from('admin_center_scores').where('period', period), 2, 'computing again replaces the period')

    // The year: twelve months' target (锦江区 3 × 12, 青羊区 the default 20 × 12).
    const annual = await submitHtmxForm(client, '/admin/evaluations/compute', { city: '510100', period: String(year) }, admin)
    assert.match(annual.text(), /锦江区运管中心<\/a><\/td>\s*<td class="num">3\/36<\/td>/)
    assert.match(annual.text(), /青羊区运管中心<\/a><\/td>\s*<td class="num">1\/240<\/td>/)
  })

  test('the daily job scores last month for every city once; a period computed already is left alone', async ({ assert }) => {
    const period = await fixture()
    assert.equal(await scoreEndedPeriods(), 3, '锦江区 and 青羊区 in 成都, 自流井区 in 自贡')
    const scores = await db.from('admin_center_scores').where('period', period).orderBy('city_code').orderBy('score', 'desc')
    assert.deepEqual(scores.map((row) => row.city_code), ['510100', '510100', '510300'])
    assert.equal(await scoreEndedPeriods(), 0)
    const audited = await db.from('audit_log').where('action', 'evaluation.compute').whereNull('actor_id')
    assert.lengthOf(audited, 2)
  })

  test("another city's admin gets 404 for 5101's ranking and cannot compute or set its targets; a county sees its own row only", async ({ client, assert }) => {
    const period = await fixture()
    await submitForm(client, '/admin/evaluations/compute', { city: '510100', period }, await chengduAdmin())
    const zigong = await zigongAdmin()
    const hidden = await client.get(`/admin/evaluations?city=510100&period=${period}`).loginAs(zigong)
    hidden.assertStatus(404)
    assert.notInclude(hidden.text(), '锦江区运管中心')
    const own = await client.get(`/admin/evaluations?period=${period}`).loginAs(zigong)
    assert.include(own.text(), '这一期还没有评分')
    ;(await submitForm(client, '/admin/evaluations/compute', { city: '510100', period }, zigong)).assertStatus(404)
    ;(await submitForm(client, '/admin/evaluations/targets', { county_code: '510104', year: '2026', monthly_valid: '99' }, zigong)).assertStatus(404)

    const qingyang = await staffOf('510105')
    const county = await client.get(`/admin/evaluations?period=${period}`).loginAs(qingyang)
    county.assertStatus(200)
    assert.match(county.text(), /<td class="num">2<\/td>\s*<td><a [^>]*>青羊区运管中心/)
    assert.notInclude(county.text(), '锦江区运管中心')
    assert.notInclude(county.text(), 'admin/evaluations/compute')
    ;(await submitForm(client, '/admin/evaluations/compute', { city: '510100', period }, qingyang)).assertStatus(403)
    ;(await submitForm(client, '/admin/evaluations/targets', { county_code: '510105', year: '2026', monthly_valid: '1' }, await staffOf('510105', 'center_admin'))).assertStatus(403)
    ;(await client.get('/admin/evaluations').loginAs(await createUser())).assertStatus(403)
    assert.lengthOf(await db.from('admin_evaluation_targets'), 0)
  })

  test('bad input: a month 13, a target with letters or zero, an unknown city — Chinese messages, nothing stored', async ({ client, assert }) => {
    const admin = await chengduAdmin()
    assert.deepEqual(fieldErrors(await submitForm(client, '/admin/evaluations/compute', { city: '510100', period: '2026-13' }, admin), 'period'), ['请按“2026-11”或“2026”填写月份或年份'])
    assert.deepEqual(fieldErrors(await submitForm(client, '/admin/evaluations/compute', { city: '519900', period: '2026' }, admin), 'city'), ['请选择有效的市（州）'])
    assert.deepEqual(fieldErrors(await submitForm(client, '/admin/evaluations/targets', { county_code: '510104', year: '2026', monthly_valid: '三十' }, admin), 'monthly_valid'), ['每月目标须是数字'])
    assert.deepEqual(fieldErrors(await submitForm(client, '/admin/evaluations/targets', { county_code: '510104', year: '2026', monthly_valid: '0' }, admin), 'monthly_valid'), ['每月目标须在 1 到 100000 之间'])
    const htmx = await submitHtmxForm(client, '/admin/evaluations/targets', { county_code: '510104', year: '2026', monthly_valid: '' }, admin)
    htmx.assertStatus(422)
    assert.include(htmx.text(), '请填写每月目标')
    assert.lengthOf(await db.from('admin_evaluation_targets'), 0)
    assert.lengthOf(await db.from('admin_center_scores'), 0)
  })
})

test.group('Admin / evaluations / 通报 on the public site', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the city publishes a notice of its best centre, experts and 信息员; anyone reads it at /notices', async ({ client, assert }) => {
    const period = await fixture()
    const admin = await chengduAdmin()
    ;(await client.get('/notices')).assertTextIncludes('还没有发布通报。')
    await submitForm(client, '/admin/evaluations/targets', { county_code: '510104', year: period.slice(0, 4), monthly_valid: '3' }, admin)
    await submitForm(client, '/admin/evaluations/compute', { city: '510100', period }, admin)
    const response = await submitForm(client, '/admin/evaluations/notices', { region: '510100', period, title: `成都市${period}考核通报`, body: '锦江区运管中心按时分诊、按时回访，群众满意，予以通报表扬。' }, admin)
    const notice = await db.from('admin_notices').firstOrFail()
    assertRedirect(response, `/notices/${notice.id}`)
    // 青羊区: 1 of 20 valid (2) + everything on time (40) + five stars (20) = 62, from 60 on.
    assert.deepEqual(notice.honourees.centres.map((centre: any) => [centre.name, centre.score]), [['锦江区运管中心', 100], ['青羊区运管中心', 62]])
    assert.lengthOf(notice.honourees.experts, 3)

    const page = await client.get(`/notices/${notice.id}`)
    page.assertStatus(200)
    assert.include(page.text(), `成都市${period}考核通报`)
    assert.match(page.text(), /id="notice-centres">[\s\S]*锦江区运管中心/)
    assert.include(page.text(), 'id="notice-experts"')
    assert.match(page.text(), /id="notice-officers">[\s\S]*李信息[\s\S]*有效咨询 3 件/)
    assert.notInclude(page.text(), '自流井区')
    const list = await client.get('/notices')
    assert.include(list.text(), `成都市${period}考核通报`)
    ;(await client.get('/notices/999999')).assertStatus(404)
    assert.isNotNull(await db.from('audit_log').where({ action: 'evaluation.notice', subject_id: String(notice.id) }).first())
  })

  test('nobody to name is refused in Chinese; a county admin gets 403, another city 404; nothing is published', async ({ client, assert }) => {
    const admin = await chengduAdmin()
    const form = { region: '510100', period: '2020-01', title: '成都市考核通报', body: '本期表现优秀的中心予以通报表扬。' }
    assert.deepEqual(fieldErrors(await submitForm(client, '/admin/evaluations/notices', form, admin), 'notice'), ['这一期没有可以通报的中心、专家或信息员：请先计算评分'])
    ;(await submitForm(client, '/admin/evaluations/notices', form, await staffOf('510104', 'center_admin'))).assertStatus(403)
    ;(await submitForm(client, '/admin/evaluations/notices', form, await zigongAdmin())).assertStatus(404)
    assert.deepEqual(fieldErrors(await submitForm(client, '/admin/evaluations/notices', { ...form, title: '通报' }, admin), 'title'), ['通报标题至少 4 个字'])
    assert.lengthOf(await db.from('admin_notices'), 0)
  })

  test('the public list pages by 20, newest first', async ({ client, assert }) => {
    const publisher = await chengduAdmin()
    for (let i = 1; i <= 21; i++) {
      const honourees = JSON.stringify({ centres: [{ name: '锦江区运管中心', region: '成都市 锦江区', score: 90 }], experts: [], officers: [] })
      await db.table('admin_notices').insert({ region_code: '510100', period: '2026-01', title: `第${i}期通报`, body: '予以通报表扬。', honourees, published_by_id: publisher.id, published_at: new Date(Date.UTC(2026, 0, i)) })
    }
    const first = await client.get('/notices')
    assert.include(first.text(), '第21期通报')
    assert.notInclude(first.text(), '第1期通报<')
    assert.include(first.text(), 'page=2')
    const second = await client.get('/notices?page=2')
    assert.include(second.text(), '第1期通报<')
    assert.notInclude(second.text(), '第21期通报')
  })
})
