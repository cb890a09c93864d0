import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { clock, DAY } from '#core/clock'
import { RegionScope } from '#core/regions/region_scope'
import { computeStatistics } from '#modules/experts/statistics/compute'
import { refreshCaseFacts } from '#modules/experts/statistics/refresh'
import { warmDefaultSnapshots } from '#modules/experts/statistics/snapshots'
import { recordFollowupCall } from '#modules/experts/followups/followup_calls'
import { createUser } from '#tests/helpers'
import { makeCase } from '#tests/fixtures/experts/consultations'
import { makeExpert } from '#tests/fixtures/experts/profiles'

const ZONE = 'Asia/Shanghai'

/**
 * Six cases of 510104 submitted 20 days ago at 10:00, one of 510105, one long before:
 *   A triage 30 min, response 60 min, followed up 2 days after closing: valid, rating 5
 *   B triage 90 min, response 240 min, followed up after 8 days (late): invalid, rating 3
 *   C triage 60 min, response 180 min (both exactly on time), closed automatically, never followed up
 *   D resolved by a similar case
 *   E still waiting for triage (a miss)
 *   F triage 20 min, the assigned expert Y never responded (a miss, recorded as response_missed)
 * triage 3/5, median of 20·30·60·90 min = 45 min; response 2/4, median of 60·180·240 = 180 min;
 * follow-up 1/3 (C is overdue), median of 2 and 8 days = 5 days; valid 1/2; rating (5+3)/2.
 */
async function fixture() {
  const submitted = DateTime.fromJSDate(clock.now()).setZone(ZONE).startOf('day').minus({ days: 20 }).set({ hour: 10 })
  const officer = await createUser({ county: '510104', roles: ['info_officer'], name: '李信息员' })
  const farmer = await createUser({ county: '510104', roles: ['farmer'], name: '王农户' })
  const { expert: x } = await makeExpert({ county: '510104', name: '张专家' })
  const { expert: y } = await makeExpert({ county: '510104', name: '赵专家' })
  const cases = {
    a: await makeCase({ reporter: officer, submittedAt: submitted, state: 'followed_up', expert: x, assignAfter: 30, respondAfter: 60, closeAfter: 1, rating: 5, followAfter: 2, valid: true }),
    b: await makeCase({ reporter: officer, submittedAt: submitted, state: 'followed_up', expert: x, assignAfter: 90, respondAfter: 240, closeAfter: 1, rating: 3, followAfter: 8, valid: false }),
    c: await makeCase({ reporter: officer, submittedAt: submitted, state: 'closed', expert: x, assignAfter: 60, respondAfter: 180, closeAfter: 1, autoClosed: true }),
    d: await makeCase({ reporter: officer, submittedAt: submitted, state: 'resolved_by_similar' }),
    e: await makeCase({ reporter: farmer, submittedAt: submitted, state: 'awaiting_triage' }),
    f: await makeCase({ reporter: farmer, submittedAt: submitted, state: 'assigned', expert: y, assignAfter: 20, missedBy: [y] }),
    neighbour: await makeCase({ reporter: await createUser({ county: '510105' }), submittedAt: submitted, state: 'answering', county: '510105', expert: x, assignAfter: 10, respondAfter: 10 }),
    old: await makeCase({ reporter: officer, submittedAt: submitted.minus({ days: 40 }), state: 'assigned', expert: x, assignAfter: 10 }),
  }
  await refreshCaseFacts()
  return { submitted, officer, x, y, cases }
}

/**
 * Inside the test's transaction, forget what a real job run of another suite may have
 * committed (kept views, the refresh's progress), so every test starts from its fixture.
 */
async function cleanSlate() {
  const rollback = await testUtils.db().withGlobalTransaction()
  await db.from('experts_statistics_snapshots').delete()
  await db.from('experts_case_facts').delete()
  await db.from('experts_case_facts_progress').update({ last_case_id: 0, last_event_id: 0 })
  return rollback
}

function range(submitted: DateTime) {
  return { from: submitted.startOf('day').toJSDate(), to: submitted.plus({ days: 21 }).startOf('day').toJSDate() }
}

test.group('Statistics / figures from a fixture of known timings', (group) => {
  group.each.setup(cleanSlate)
  group.each.teardown(() => clock.reset())

  test('SLA hit rates, medians, valid rate, ratings, similar and auto-closed are exact', async ({ assert }) => {
    const { submitted } = await fixture()
    const { overall } = await computeStatistics(RegionScope.fromPrefix('510104'), range(submitted), clock.now())
    assert.deepEqual(overall.triage, { hits: 3, due: 5, rate: 0.6, medianSeconds: 45 * 60 })
    assert.deepEqual(overall.response, { hits: 2, due: 4, rate: 0.5, medianSeconds: 180 * 60 })
    assert.deepEqual(overall.followup, { hits: 1, due: 3, rate: 1 / 3, medianSeconds: 5 * 86400 })
    assert.deepInclude(overall, { cases: 6, resolvedBySimilar: 1, autoClosed: 1, rated: 2, averageRating: 4, ruled: 2, valid: 1, validRate: 0.5 })
  })

  test('by state, by industry, per day, per expert (with misses) and per 信息员', async ({ assert }) => {
    const { submitted, x, y, officer } = await fixture()
    const statistics = await computeStatistics(RegionScope.fromPrefix('510104'), range(submitted), clock.now())
    assert.deepEqual(
      Object.fromEntries(statistics.byState.map((row) => [row.state, row.cases])),
      { followed_up: 2, closed: 1, resolved_by_similar: 1, awaiting_triage: 1, assigned: 1 }
    )
    assert.deepEqual(statistics.byIndustry, [{ industry: 'grain_oil', cases: 6 }])
    assert.equal(statistics.unit, 'day')
    assert.deepEqual(statistics.series, [{ bucket: submitted.toFormat('yyyy-MM-dd'), cases: 6 }])
    assert.deepEqual(statistics.experts, [
      { id: Number(x.id), name: '张专家', cases: 3, valid: 1, averageRating: 4, misses: 0 },
      { id: Number(y.id), name: '赵专家', cases: 1, valid: 0, averageRating: null, misses: 1 },
    ])
    assert.deepEqual(statistics.officers, [{ id: Number(officer.id), name: '李信息员', cases: 4, valid: 1, averageRating: 4, misses: 0 }])
  })

  test('a city sees its counties side by side; the range leaves older cases out', async ({ assert }) => {
    const { submitted } = await fixture()
    const city = await computeStatistics(RegionScope.fromPrefix('5101'), range(submitted), clock.now())
    assert.equal(city.overall.cases, 7)
    assert.deepEqual(city.areas.map((area) => [area.code, area.cases]), [['510104', 6], ['510105', 1]])
    const wider = await computeStatistics(RegionScope.fromPrefix('5101'), { from: submitted.minus({ days: 41 }).toJSDate(), to: range(submitted).to }, clock.now())
    assert.equal(wider.overall.cases, 8)
  })

  test('a pending deadline is not counted until it passes', async ({ assert }) => {
    const now = DateTime.fromJSDate(clock.now())
    const officer = await createUser({ county: '510104', roles: ['info_officer'] })
    await makeCase({ reporter: officer, submittedAt: now.minus({ minutes: 30 }), state: 'awaiting_triage' })
    await refreshCaseFacts()
    const window = { from: now.minus({ days: 1 }).toJSDate(), to: now.plus({ days: 1 }).toJSDate() }
    const early = await computeStatistics(RegionScope.fromPrefix('510104'), window, clock.now())
    assert.deepEqual(early.overall.triage, { hits: 0, due: 0, rate: null, medianSeconds: null })
    clock.travel(DAY)
    const late = await computeStatistics(RegionScope.fromPrefix('510104'), window, clock.now())
    assert.deepEqual(late.overall.triage, { hits: 0, due: 1, rate: 0, medianSeconds: null })
  })

  test('the refresh picks up changed cases through their events, and rewrites nothing unchanged', async ({ assert }) => {
    const { submitted, cases } = await fixture()
    const staff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    await recordFollowupCall(staff, 'center_staff', cases.c.id, { reached: true, serviceValid: true, category: 'other' })
    const { changed } = await refreshCaseFacts()
    assert.equal(changed, 1)
    const { overall } = await computeStatistics(RegionScope.fromPrefix('510104'), range(submitted), clock.now())
    assert.deepInclude(overall, { ruled: 3, valid: 2 })
    assert.equal(overall.followup.due, 3)
    assert.equal((await refreshCaseFacts()).changed, 0)
    const row = await db.from('experts_case_facts').where('consultation_id', cases.c.id).firstOrFail()
    assert.isTrue(row.service_valid)
  })
})

test.group('Statistics / page', (group) => {
  group.each.setup(cleanSlate)
  group.each.teardown(() => clock.reset())

  test('county staff see the page with figures, SVG charts and tables; htmx gets the results alone', async ({ client, assert }) => {
    const { submitted } = await fixture()
    const staff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const response = await client.get('/admin/experts/statistics').loginAs(staff)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<html')
    assert.match(html, /id="stat-cases">6</)
    assert.match(html, /<tr id="sla-triage">\s*<td>分诊 ≤ 1 小时<\/td>\s*<td class="num">60\.0%<\/td>\s*<td class="num">3\/5<\/td>\s*<td class="num">45 分钟<\/td>/)
    assert.match(html, /<tr id="sla-response">[\s\S]*?50\.0%[\s\S]*?2\/4[\s\S]*?3 小时/)
    assert.match(html, /<tr id="sla-followup">[\s\S]*?33\.3%[\s\S]*?1\/3[\s\S]*?5 天/)
    assert.match(html, /id="stat-valid-rate">50\.0%</)
    assert.match(html, /id="stat-rating">4\.00</)
    assert.match(html, /id="stat-auto-closed">1</)
    assert.include(html, '<svg class="chart"')
    assert.include(html, '张专家')
    assert.include(html, '李信息员')
    assert.notInclude(html, 'style=')
    // The default range is the last 30 days up to today.
    assert.include(html, `value="${submitted.plus({ days: 20 }).toFormat('yyyy-MM-dd')}"`)

    const fragment = await client.get('/admin/experts/statistics').header('HX-Request', 'true').loginAs(staff)
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.match(fragment.text(), /id="stat-cases">6</)
  })

  test('a city admin chooses a county of the city; county staff get 404 for a neighbour; farmers 403', async ({ client, assert }) => {
    await fixture()
    const cityAdmin = await createUser({ county: '510104', roles: ['center_admin'], scopes: { center_admin: '5101' } })
    const city = await client.get('/admin/experts/statistics').loginAs(cityAdmin)
    assert.match(city.text(), /id="stat-cases">7</)
    assert.include(city.text(), '<table id="areas">')
    const county = await client.get('/admin/experts/statistics?region=510105').loginAs(cityAdmin)
    assert.match(county.text(), /id="stat-cases">1</)
    assert.include(county.text(), '<option value="510105" selected')

    const staff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const page = await client.get('/admin/experts/statistics').loginAs(staff)
    assert.notInclude(page.text(), 'value="510105"', 'the selector offers only what the grants cover')
    const hidden = await client.get('/admin/experts/statistics?region=510105').loginAs(staff)
    hidden.assertStatus(404)
    assert.notInclude(hidden.text(), 'stat-cases')
    ;(await client.get('/admin/experts/statistics?region=510100').loginAs(staff)).assertStatus(404)
    ;(await client.get('/admin/experts/statistics').loginAs(await createUser())).assertStatus(403)
  })

  test("a view is computed once and shown for ten minutes; the job computes every region's default view ahead", async ({ client, assert }) => {
    const { submitted } = await fixture()
    const staff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    assert.match((await client.get('/admin/experts/statistics').loginAs(staff)).text(), /id="stat-cases">6</)
    await makeCase({ reporter: await createUser({ county: '510104' }), submittedAt: submitted, state: 'resolved_by_similar' })
    await refreshCaseFacts()
    assert.match((await client.get('/admin/experts/statistics').loginAs(staff)).text(), /id="stat-cases">6</, 'the snapshot is still fresh')
    clock.travel(11 * 60_000)
    assert.match((await client.get('/admin/experts/statistics').loginAs(staff)).text(), /id="stat-cases">7</)

    clock.travel(11 * 60_000)
    assert.deepEqual(await warmDefaultSnapshots(), { computed: 1 + 21 + 183 })
    assert.deepEqual(await warmDefaultSnapshots(), { computed: 0 })
    const city = await db.from('experts_statistics_snapshots').where('region_code', '510100').firstOrFail()
    assert.equal(city.data.overall.cases, 8)
  })

  test('bad input: an invalid date, an end before the start, more than 10 years — Chinese messages, no figures', async ({ client, assert }) => {
    const staff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const cases = [
      ['from=2026-02-30&to=2026-03-01', '请输入有效日期'],
      ['from=2026-13-01', '请输入有效日期'],
      ['from=yesterday', '请输入有效日期'],
      ['from=2026-03-02&to=2026-03-01', '结束日期不能早于开始日期'],
      ['from=2015-01-01&to=2025-01-02', '日期范围不能超过 10 年'],
    ]
    for (const [qs, message] of cases) {
      const response = await client.get(`/admin/experts/statistics?${qs}`).loginAs(staff)
      response.assertStatus(422)
      assert.include(response.text(), message, qs)
      assert.notInclude(response.text(), 'id="stat-cases"')
    }
    const exactlyTen = await client.get('/admin/experts/statistics?from=2015-01-01&to=2025-01-01').loginAs(staff)
    exactlyTen.assertStatus(200)
    const htmx = await client.get('/admin/experts/statistics?from=2015-01-01&to=2025-01-02').header('HX-Request', 'true').loginAs(staff)
    htmx.assertStatus(422)
    assert.include(htmx.text(), '日期范围不能超过 10 年')
    assert.notInclude(htmx.text(), '<html')
  })
})

test.group('Statistics / the centre navigation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a platform administrator is offered statistics, exports and visits, not the 回访 desk they may not use', async ({ client, assert }) => {
    const admin = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    const staff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const adminPage = await client.get('/admin/experts/statistics').loginAs(admin)
    adminPage.assertStatus(200)
    assert.notInclude(adminPage.text(), 'href="/admin/experts/followups"')
    assert.include(adminPage.text(), 'href="/admin/experts/exports')
    assert.include(adminPage.text(), 'href="/admin/visits"')
    ;(await client.get('/admin/experts/followups').loginAs(admin)).assertStatus(403)
    ;(await client.get('/admin/visits').loginAs(admin)).assertStatus(200)
    const staffPage = await client.get('/admin/experts/statistics').loginAs(staff)
    assert.include(staffPage.text(), 'href="/admin/experts/followups"')
  })
})
