import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { computePerformance } from '#modules/admin/performance/compute_performance'
import { staffOf } from '#tests/fixtures/experts/consultations'
import { countyYear, YEAR } from '#tests/fixtures/admin/subsidies'
import { fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'

const figuresOf = (userId: number) => db.from('admin_performance_figures').where({ year: YEAR, user_id: userId }).first()

test.group('Performance / a year of figures from the case log', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('each expert and 信息员: consultations by follow-up verdict, first response, ratings, visits, 1 h and 3 h misses', async ({ assert }) => {
    const { expertUser, officer } = await countyYear('510104')
    assert.deepEqual(await computePerformance(YEAR), { people: 3 })
    const expert = await figuresOf(expertUser.id)
    assert.deepInclude(expert, { role: 'expert', county_code: '510104', level: 'county', cases: 4, valid: 3, invalid: 1, unverified: 0, responded: 4, rated: 4, rating_sum: 20, visits: 1, triage_missed: 1, response_missed: 1 })
    assert.equal(Number(expert.response_seconds), 4 * 30 * 60)
    assert.deepInclude(await figuresOf(officer.id), { role: 'info_officer', level: null, cases: 2, valid: 2, invalid: 0, visits: 0, triage_missed: 1, response_missed: 0 })
    // Computing again replaces, never adds.
    await computePerformance(YEAR)
    assert.equal((await db.from('admin_performance_figures').where('year', YEAR).count('* as n'))[0].n, '3')
    assert.equal((await db.from('admin_performance_figures').where('year', YEAR - 1).count('* as n'))[0].n, '0')
  })

  test('a county centre computes its year (no-JS and htmx) and reads its people; another county sees nothing (404)', async ({ client, assert }) => {
    const { expertUser } = await countyYear('510104')
    const staff = await staffOf('510104')
    const before = await client.get(`/admin/performance?year=${YEAR}`).loginAs(staff)
    before.assertStatus(200)
    before.assertTextIncludes('本年度尚未计算')

    const computed = await submitForm(client, '/admin/performance/compute', { year: String(YEAR), region: '510104' }, staff)
    computed.assertStatus(302)
    assert.equal(computed.header('location'), `/admin/performance?year=${YEAR}&region=510104`)
    const page = await client.get(`/admin/performance?year=${YEAR}&region=510104`).loginAs(staff)
    page.assertStatus(200)
    for (const text of ['张专家', '平均首次响应', '30 分钟', '5.0', '超 3 小时响应']) page.assertTextIncludes(text)
    assert.isOk(await figuresOf(expertUser.id))

    const officers = await client.get(`/admin/performance?year=${YEAR}&region=510104&role=info_officer`).loginAs(staff).header('HX-Request', 'true')
    officers.assertStatus(200)
    assert.notInclude(officers.text(), '<html')
    assert.include(officers.text(), '李信息')

    const fragment = await submitHtmxForm(client, '/admin/performance/compute', { year: String(YEAR), region: '510104' }, staff)
    fragment.assertStatus(200)
    assert.include(fragment.text(), '已重新计算 3 人的绩效')

    const other = await staffOf('510105')
    ;(await client.get(`/admin/performance?year=${YEAR}&region=510104`).loginAs(other)).assertStatus(404)
    ;(await submitForm(client, '/admin/performance/compute', { year: String(YEAR), region: '510104' }, other)).assertStatus(404)
    const own = await client.get(`/admin/performance?year=${YEAR}`).loginAs(other)
    own.assertStatus(200)
    assert.notInclude(own.text(), '张专家')
    ;(await client.get('/admin/performance').loginAs(expertUser)).assertStatus(403)
  })

  test('a year out of range is a Chinese message; nothing is computed', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const response = await submitForm(client, '/admin/performance/compute', { year: '20x5', region: '510104' }, staff)
    response.assertStatus(302)
    assert.deepEqual(fieldErrors(response, 'year'), ['年度应为数字'])
    assert.equal((await db.from('admin_performance_figures').count('* as n'))[0].n, '0')
  })
})
