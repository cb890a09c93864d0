import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { actingAs } from '#core/accounts/acting'
import { todayIso } from '#core/clock'
import { suspendRegion } from '#core/regions/participation'
import { computePerformance } from '#modules/admin/performance/compute_performance'
import { proposeList } from '#modules/admin/subsidies/subsidy_lists'
import { staffOf } from '#tests/fixtures/experts/consultations'
import { countyYear, readyCounty, setRules, YEAR } from '#tests/fixtures/admin/subsidies'
import { createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'

const listId = (response: any) => Number(/\/admin\/subsidies\/(\d+)$/.exec(response.header('location'))![1])
const lineOf = (userId: number) => db.from('admin_subsidy_lines').where('user_id', userId).first()
const flashText = (response: any) => JSON.stringify(response.flashMessages())

test.group('Subsidies / a county list: proposed, adjusted, approved above, frozen', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the 510104 centre proposes its list from the rules; the page lists each person with the proposed amount', async ({ client, assert }) => {
    const { expertUser, officer, countyStaff } = await readyCounty('510104')
    const proposed = await submitForm(client, '/admin/subsidies', { year: String(YEAR), county_code: '510104' }, countyStaff)
    proposed.assertStatus(302)
    const id = listId(proposed)
    assert.deepInclude(await lineOf(expertUser.id), { kind: 'expert_county', valid: 3, proposed_fen: 110_000, amount_fen: 110_000, max_fen: 200_000 })
    assert.deepInclude(await lineOf(officer.id), { kind: 'info_officer', valid: 2, proposed_fen: 30_000 })
    const list = await db.from('admin_subsidy_lists').where('id', id).first()
    assert.deepEqual(list.rule_versions, { expert_city: 1, expert_county: 1, expert_province: 1, info_officer: 1 })

    const page = await client.get(`/admin/subsidies/${id}`).loginAs(countyStaff)
    page.assertStatus(200)
    for (const text of ['成都市 锦江区 2025 年补贴名单', '张专家', '系统建议 1100.00 元', '李信息', '待审批', '未填写收款信息']) page.assertTextIncludes(text)
    assert.notInclude(page.text(), '审批并冻结名单')

    const index = await client.get(`/admin/subsidies?year=${YEAR}`).loginAs(countyStaff)
    index.assertStatus(200)
    index.assertTextIncludes('2 人获补贴')
    index.assertTextIncludes('合计 1400.00 元')

    const again = await submitForm(client, '/admin/subsidies', { year: String(YEAR), county_code: '510104' }, countyStaff)
    assert.deepEqual(fieldErrors(again, 'year'), ['本县 2025 年的名单已生成'])
  })

  test('adjusting: a reason and at most the rule maximum (no-JS and htmx); letters or too much are refused in Chinese, nothing changes', async ({ client, assert }) => {
    const { expertUser, countyStaff } = await readyCounty('510104')
    await submitForm(client, '/admin/subsidies', { year: String(YEAR), county_code: '510104' }, countyStaff)
    const line = await lineOf(expertUser.id)
    const url = `/admin/subsidies/lines/${line.id}`

    const letters = await submitForm(client, url, { amount: '12OO', reason: '服务质量突出' }, countyStaff)
    assert.deepEqual(fieldErrors(letters, 'amount'), ['金额只能填数字，最多两位小数，如 1200 或 1200.50'])
    const tooMuch = await submitForm(client, url, { amount: '2000.01', reason: '服务质量突出' }, countyStaff)
    assert.deepEqual(fieldErrors(tooMuch, 'amount'), ['金额不能超过规则规定的最高 2000.00 元'])
    const noReason = await submitHtmxForm(client, url, { amount: '1500', reason: '' }, countyStaff)
    noReason.assertStatus(422)
    assert.equal(noReason.header('hx-retarget'), `#line-errors-${line.id}`)
    assert.include(noReason.text(), '请填写理由')
    assert.equal((await lineOf(expertUser.id)).amount_fen, 110_000)

    const adjusted = await submitForm(client, url, { amount: '1500', reason: '上门服务多' }, countyStaff)
    adjusted.assertStatus(302)
    assert.deepInclude(await lineOf(expertUser.id), { amount_fen: 150_000, proposed_fen: 110_000, adjust_reason: '上门服务多' })
    const fragment = await submitHtmxForm(client, url, { amount: '2000', reason: '全县第一' }, countyStaff)
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '已调整：全县第一')
    assert.equal((await db.from('audit_log').where('action', 'subsidies.adjust').count('* as n'))[0].n, '2')

    // The city centre approves but does not adjust; another county does not see the line.
    ;(await submitForm(client, url, { amount: '100', reason: '市里调整一下' }, await staffOf('5101', 'center_admin'))).assertStatus(403)
    ;(await submitForm(client, url, { amount: '100', reason: '隔壁县调整' }, await staffOf('510105'))).assertStatus(404)
  })

  test('510104 cannot approve its own list; the 5101 city centre approves, the list is frozen; a second approval and adjustments are refused', async ({ client, assert }) => {
    const { expertUser, countyStaff, countyAdmin } = await readyCounty('510104')
    const id = listId(await submitForm(client, '/admin/subsidies', { year: String(YEAR), county_code: '510104' }, countyStaff))
    for (const own of [countyStaff, countyAdmin]) {
      const refused = await submitForm(client, `/admin/subsidies/${id}/approve`, {}, own)
      refused.assertStatus(403)
      assert.include(refused.text(), '县级运管中心不能审批本县名单')
    }
    assert.equal((await db.from('admin_subsidy_lists').where('id', id).first()).status, 'draft')
    ;(await submitForm(client, `/admin/subsidies/${id}/approve`, {}, await staffOf('5103', 'center_admin'))).assertStatus(404)

    const city = await staffOf('5101', 'center_admin')
    const page = await client.get(`/admin/subsidies/${id}`).loginAs(city)
    page.assertTextIncludes('审批并冻结名单')
    const approved = await submitHtmxForm(client, `/admin/subsidies/${id}/approve`, {}, city)
    approved.assertStatus(200)
    assert.include(approved.text(), '名单已审批并冻结')
    assert.notInclude(approved.text(), '审批并冻结名单')
    const list = await db.from('admin_subsidy_lists').where('id', id).first()
    assert.equal(list.status, 'approved')
    assert.equal(Number(list.approved_by_id), city.id)

    const second = await submitForm(client, `/admin/subsidies/${id}/approve`, {}, await staffOf('51', 'center_admin'))
    second.assertStatus(302)
    assert.include(flashText(second), '名单已审批冻结，不能再次审批')
    const line = await lineOf(expertUser.id)
    const frozen = await submitForm(client, `/admin/subsidies/lines/${line.id}`, { amount: '100', reason: '冻结后再改' }, countyStaff)
    assert.include(flashText(frozen), '名单已审批冻结，不能再调整')
    assert.equal((await lineOf(expertUser.id)).amount_fen, 110_000)
    assert.equal((await db.from('audit_log').where('action', 'subsidies.approve').count('* as n'))[0].n, '1')
  })

  test('a city admin of 5101 sees only 5101\'s lists; another city\'s list and region are 404', async ({ client, assert }) => {
    await setRules()
    await countyYear('510104', { expert: '锦江专家', officer: '锦江信息员' })
    await countyYear('510105', { expert: '青羊专家', officer: '青羊信息员' })
    await countyYear('510302', { expert: '自贡专家', officer: '自贡信息员' })
    await computePerformance(YEAR)
    const ids: Record<string, number> = {}
    for (const county of ['510104', '510105', '510302']) ids[county] = await proposeList(await actingAs(await staffOf(county), null), { year: YEAR, countyCode: county })

    const city = await staffOf('5101', 'center_admin')
    const index = await client.get(`/admin/subsidies?year=${YEAR}`).loginAs(city)
    index.assertStatus(200)
    for (const text of ['成都市 锦江区', '成都市 青羊区']) index.assertTextIncludes(text)
    assert.notInclude(index.text(), '自贡')
    ;(await client.get(`/admin/subsidies/${ids['510302']}`).loginAs(city)).assertStatus(404)
    ;(await client.get(`/admin/subsidies?year=${YEAR}&region=510300`).loginAs(city)).assertStatus(404)
    const lines = await client.get(`/admin/subsidies/${ids['510105']}`).loginAs(city)
    lines.assertStatus(200)
    lines.assertTextIncludes('青羊专家')

    // The county sees its own list only.
    const county = await staffOf('510104')
    const own = await client.get(`/admin/subsidies?year=${YEAR}`).loginAs(county).header('HX-Request', 'true')
    own.assertStatus(200)
    assert.notInclude(own.text(), '<html')
    assert.include(own.text(), '锦江区')
    assert.notInclude(own.text(), '青羊区')
    ;(await client.get(`/admin/subsidies/${ids['510105']}`).loginAs(county)).assertStatus(404)
    ;(await submitForm(client, '/admin/subsidies', { year: String(YEAR), county_code: '510105' }, county)).assertStatus(404)
    // Someone of no centre: 403.
    ;(await client.get('/admin/subsidies').loginAs((await countyYear('510106')).officer)).assertStatus(403)
  })

  test('a suspended county keeps reading its list but neither proposes nor adjusts (403); its city still approves', async ({ client, assert }) => {
    const { expertUser, countyStaff } = await readyCounty('510104')
    const id = listId(await submitForm(client, '/admin/subsidies', { year: String(YEAR), county_code: '510104' }, countyStaff))
    const platform = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    await suspendRegion(await actingAs(platform, null), { regionCode: '510104', reason: '未落实配套经费', fromDay: todayIso() })
    ;(await client.get(`/admin/subsidies/${id}`).loginAs(countyStaff)).assertStatus(200)
    const line = await lineOf(expertUser.id)
    ;(await submitForm(client, `/admin/subsidies/lines/${line.id}`, { amount: '100', reason: '暂停期间调整' }, countyStaff)).assertStatus(403)
    ;(await submitForm(client, `/admin/subsidies/${id}/approve`, {}, await staffOf('5101', 'center_admin'))).assertStatus(302)
    assert.equal((await db.from('admin_subsidy_lists').where('id', id).first()).status, 'approved')
  })

  test('proposing needs the year\'s rules and figures; only a county centre proposes', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const noRules = await submitForm(client, '/admin/subsidies', { year: String(YEAR), county_code: '510104' }, staff)
    assert.deepEqual(fieldErrors(noRules, 'year'), ['2025 年的补贴规则尚未全部设定，不能生成名单'])
    await setRules()
    const noFigures = await submitForm(client, '/admin/subsidies', { year: String(YEAR), county_code: '510104' }, staff)
    assert.deepEqual(fieldErrors(noFigures, 'year'), ['2025 年的绩效尚未计算，请先在“绩效”中重新计算'])
    const city = await submitForm(client, '/admin/subsidies', { year: String(YEAR), county_code: '510104' }, await staffOf('5101', 'center_admin'))
    city.assertStatus(403)
    assert.equal((await db.from('admin_subsidy_lists').count('* as n'))[0].n, '0')
  })
})
