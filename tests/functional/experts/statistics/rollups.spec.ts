import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { clock } from '#core/clock'
import { RegionScope } from '#core/regions/region_scope'
import { computeStatistics, type Statistics } from '#modules/experts/statistics/compute'
import { refreshCaseFacts } from '#modules/experts/statistics/refresh'
import { recordFollowupCall } from '#modules/experts/followups/followup_calls'
import type { ConsultationState } from '#modules/experts/shared/consultation_states'
import { createUser } from '#tests/helpers'
import { makeCase } from '#tests/fixtures/experts/consultations'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { liveStatistics } from './live_statistics.js'

const ZONE = 'Asia/Shanghai'

/** A deterministic sequence, so a failure is the same on every run. */
function sequence(seed: number) {
  let value = seed
  return <T>(list: readonly T[]): T => {
    value = (value * 1103515245 + 12345) % 2147483648
    return list[value % list.length]
  }
}

/**
 * ~50 cases over the last 80 days (two whole months and the days around them) in three
 * counties of two cities, by a few 信息员 and farmers, held by a few experts (some of
 * them in several counties), in every stage; times on the bucket grid of the medians.
 */
async function spreadFixture(count = 50) {
  const pick = sequence(7)
  const now = DateTime.fromJSDate(clock.now()).setZone(ZONE)
  const counties = ['510104', '510105', '510302']
  const officers = await Promise.all(counties.map((county, index) => createUser({ county, roles: ['info_officer'], name: `信息员${index}` })))
  const farmers = await Promise.all(counties.map((county, index) => createUser({ county, roles: ['farmer'], name: `农户${index}` })))
  const experts = []
  for (const [index, county] of ['510104', '510104', '510105', '510302'].entries()) experts.push((await makeExpert({ county, name: `专家${index}` })).expert)
  const states: ConsultationState[] = ['followed_up', 'followed_up', 'followed_up', 'closed', 'resolved_by_similar', 'awaiting_triage', 'assigned', 'answering']
  for (let i = 0; i < count; i++) {
    const county = pick(counties)
    const state = pick(states)
    const submittedAt = now.minus({ days: pick([0, 1, 3, 9, 20, 31, 33, 40, 47, 52, 58, 64, 71, 79]), hours: pick([0, 2, 5, 9, 13, 17, 21]) })
    const expert = pick(experts)
    await makeCase({
      reporter: pick([officers[counties.indexOf(county)], farmers[counties.indexOf(county)], pick(officers)]),
      county,
      industry: pick(['grain_oil', 'pig', 'tea']),
      submittedAt,
      state,
      ...(['awaiting_triage', 'resolved_by_similar'].includes(state) ? {} : { expert, assignAfter: pick([5, 20, 30, 60, 90, 150]) }),
      ...(['followed_up', 'closed', 'answering'].includes(state) ? { respondAfter: pick([10, 45, 60, 120, 180, 300]) } : {}),
      ...(['followed_up', 'closed'].includes(state) ? { closeAfter: pick([1, 2]), rating: pick([2, 4, 5]) } : {}),
      ...(state === 'followed_up' ? { followAfter: pick([0, 1, 3, 8]), valid: pick([true, true, false]) } : {}),
      ...(state === 'closed' ? { autoClosed: pick([true, false]) } : {}),
      ...(state === 'assigned' && pick([true, false]) ? { missedBy: [pick(experts)] } : {}),
    })
  }
  await refreshCaseFacts()
  return { now }
}

async function cleanSlate() {
  const rollback = await testUtils.db().withGlobalTransaction()
  await db.from('experts_statistics_snapshots').delete()
  await db.from('experts_case_facts').delete()
  await db.from('experts_case_facts_progress').update({ last_case_id: 0, last_event_id: 0 })
  return rollback
}

/** The live figures as the rollups give them: no medians per area (the areas table shows rates only). */
function comparable(statistics: Statistics) {
  const round = (value: unknown): unknown =>
    typeof value === 'number' ? Math.round(value * 1e9) / 1e9 : Array.isArray(value) ? value.map(round) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, round(inner)])) : value
  const byKey = <T extends Record<string, any>>(list: T[], key: keyof T) => [...list].sort((a, b) => String(a[key]).localeCompare(String(b[key])) || b.cases - a.cases)
  return round({
    ...statistics,
    byState: byKey(statistics.byState, 'state'),
    byIndustry: byKey(statistics.byIndustry, 'industry'),
    areas: statistics.areas.map((area) => ({
      ...area,
      triage: { ...area.triage, medianSeconds: null },
      response: { ...area.response, medianSeconds: null },
      followup: { ...area.followup, medianSeconds: null },
    })),
  })
}

async function snapshot() {
  const tables = ['experts_rollup_figures', 'experts_rollup_counts', 'experts_rollup_times', 'experts_rollup_people']
  const result: Record<string, string[]> = {}
  for (const table of tables) {
    const { rows } = await db.rawQuery(`SELECT * FROM ${table}`)
    result[table] = rows.map((row: any) => JSON.stringify(row)).sort()
  }
  return result
}

test.group('Statistics / rollups', (group) => {
  group.each.setup(cleanSlate)
  group.each.teardown(() => clock.reset())

  test('give the figures of the facts for every region and range: whole months, days, pieces of days, top lists with ties', async ({ assert }) => {
    const { now } = await spreadFixture()
    const startOfToday = now.startOf('day')
    const ranges: [string, DateTime, DateTime][] = [
      ['the last 30 days', startOfToday.minus({ days: 29 }), startOfToday.plus({ days: 1 })],
      ['81 days, two whole months inside', startOfToday.minus({ days: 80 }), startOfToday.plus({ days: 1 })],
      ['from the start of last year: a whole year, quarters, months, days', startOfToday.startOf('year').minus({ years: 1 }), startOfToday.plus({ days: 1 })],
      ['one whole month', startOfToday.minus({ months: 1 }).startOf('month'), startOfToday.startOf('month')],
      ['instants inside days at both ends', now.minus({ days: 66, hours: 7 }), now.minus({ hours: 3 })],
      ['inside one day', now.minus({ hours: 20 }), now.minus({ hours: 1 })],
      ['nothing in it', now.minus({ days: 400 }), now.minus({ days: 300 })],
    ]
    let compared = 0
    for (const [label, from, to] of ranges) {
      for (const prefix of ['51', '5101', '510104', '5103']) {
        const region = RegionScope.fromPrefix(prefix)
        const range = { from: from.toJSDate(), to: to.toJSDate() }
        for (const limit of [2, 20]) {
          const rolled = await computeStatistics(region, range, clock.now(), { limit })
          const live = await liveStatistics(region, range, clock.now(), { limit })
          assert.deepEqual(comparable(rolled), comparable(live), `${label}, ${prefix}, top ${limit}`)
          compared += live.overall.cases
        }
      }
    }
    assert.isAbove(compared, 100, 'the ranges hold cases')
  })

  test('kept up to date by the refresh (new cases, 回访 on old ones) exactly as a rebuild from all facts would write them', async ({ assert }) => {
    const { now } = await spreadFixture(25)
    const staff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const closed = await db.from('experts_consultations').where('state', 'closed').where('county_code', '510104').select('id')
    for (const { id } of closed) await recordFollowupCall(staff, 'center_staff', id, { reached: true, serviceValid: true, category: 'other' })
    const farmer = await createUser({ county: '510105', roles: ['farmer'] })
    await makeCase({ reporter: farmer, submittedAt: now.minus({ days: 45 }), state: 'resolved_by_similar' })
    await makeCase({ reporter: farmer, submittedAt: now, state: 'awaiting_triage' })
    const { changed } = await refreshCaseFacts()
    assert.equal(changed, closed.length + 2)
    const incremental = await snapshot()
    assert.isAbove(incremental.experts_rollup_figures.length, 10)

    await db.from('experts_case_facts_progress').update({ last_case_id: 0, last_event_id: 0 })
    await refreshCaseFacts()
    assert.deepEqual(await snapshot(), incremental)
  })

  test('the top list finds who is first overall without being first in any month', async ({ assert }) => {
    const lastMonth = DateTime.fromJSDate(clock.now()).setZone(ZONE).startOf('month').minus({ months: 1 })
    const monthBefore = lastMonth.minus({ months: 1 })
    const officer = (name: string) => createUser({ county: '510104', roles: ['info_officer'], name })
    const [first, second, steady] = [await officer('一月冠军'), await officer('二月冠军'), await officer('每月都有')]
    const report = async (reporter: any, month: DateTime, count: number) => {
      for (let day = 0; day < count; day++) await makeCase({ reporter, submittedAt: month.plus({ days: day + 2, hours: 10 }), state: 'resolved_by_similar' })
    }
    await report(first, monthBefore, 3)
    await report(steady, monthBefore, 2)
    await report(second, lastMonth, 3)
    await report(steady, lastMonth, 2)
    await refreshCaseFacts()
    const range = { from: monthBefore.toJSDate(), to: lastMonth.plus({ months: 1 }).toJSDate() }
    const statistics = await computeStatistics(RegionScope.fromPrefix('5101'), range, clock.now(), { limit: 1 })
    assert.deepEqual(statistics.officers.map((row) => [row.name, row.cases]), [['每月都有', 4]])
    const two = await computeStatistics(RegionScope.province, range, clock.now(), { limit: 2 })
    assert.deepEqual(two.officers.map((row) => [row.name, row.cases]), [['每月都有', 4], ['一月冠军', 3]])
  })

  test('a statistic of the province over ten years reads rollup rows, not facts', async ({ assert }) => {
    await spreadFixture(10)
    const to = DateTime.fromJSDate(clock.now()).setZone(ZONE).startOf('day').plus({ days: 1 })
    const range = { from: to.minus({ years: 10 }).toJSDate(), to: to.toJSDate() }
    // With the facts gone, everything but the open deadlines and the days around the months still shows.
    const before = await computeStatistics(RegionScope.province, range, clock.now())
    await db.rawQuery('DELETE FROM experts_case_facts WHERE created_at < ?', [DateTime.fromJSDate(clock.now()).setZone(ZONE).startOf('month').toJSDate()])
    const after = await computeStatistics(RegionScope.province, range, clock.now())
    assert.equal(after.overall.cases, before.overall.cases)
    assert.deepEqual(after.byIndustry, before.byIndustry)
    assert.equal(after.unit, 'month')
  })
})
