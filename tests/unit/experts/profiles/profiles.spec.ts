import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import DemoAccountsSeeder from '#database/seeders/03_core_demo_accounts_seeder'
import ExpertsProfilesSeeder from '#database/seeders/05_experts_profiles_seeder'
import Expert from '#modules/experts/models/expert'
import { clock, DAY } from '#core/clock'
import Consultation from '#modules/experts/models/consultation'
import { availabilityOf, durationParts, expertFigures } from '#modules/experts/profiles/profile_queries'
import { setAvailability } from '#modules/experts/profiles/profile_actions'
import { industriesOf } from '#core/industries/industry_rules'
import { RuleError } from '#core/http/rule_error'
import { createUser } from '#tests/helpers'
import { makeExpert } from '#tests/fixtures/experts/profiles'

const ASSIGNED = DateTime.fromISO('2026-05-01T08:00:00+08:00')

/** A case of the expert assigned at ASSIGNED, first answered after `minutes` (null: not yet). */
async function caseOf(expertId: number, minutes: number | null, rating: number | null = null, extra: Partial<Consultation> = {}) {
  const reporter = await createUser()
  return Consultation.create({
    reporterId: reporter.id,
    industryCode: 'grain_oil',
    countyCode: '510129',
    text: '水稻叶片发黄',
    state: minutes === null ? 'assigned' : 'answering',
    expertId,
    assignedAt: ASSIGNED,
    firstResponseAt: minutes === null ? null : ASSIGNED.plus({ minutes }),
    answeredAt: minutes === null ? null : ASSIGNED.plus({ minutes: minutes + 10 }),
    rating,
    ...extra,
  })
}

test.group('Expert figures from the case log', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an expert without cases has no median and no rating', async ({ assert }) => {
    const { expert } = await makeExpert({ county: '510129' })
    assert.deepEqual(await expertFigures(expert.id), { answered: 0, medianFirstResponseSeconds: null, averageRating: null, ratings: 0 })
  })

  test('odd number of responses: the middle one; the average of the ratings given', async ({ assert }) => {
    const { expert } = await makeExpert({ county: '510129' })
    await caseOf(expert.id, 10, 5)
    await caseOf(expert.id, 200, 3)
    await caseOf(expert.id, 40, null)
    await caseOf(expert.id, null) // assigned, not yet answered: counts for nothing
    const figures = await expertFigures(expert.id)
    assert.equal(figures.answered, 3)
    assert.equal(figures.medianFirstResponseSeconds, 40 * 60)
    assert.equal(figures.averageRating, 4)
    assert.equal(figures.ratings, 2)
  })

  test('even number of responses: halfway between the two middle ones; the average rounded to one decimal', async ({ assert }) => {
    const { expert } = await makeExpert({ county: '510129' })
    for (const [minutes, rating] of [[10, 5], [20, 4], [30, 4], [180, 5], [45, 4], [60, 5]] as const) {
      await caseOf(expert.id, minutes, rating)
    }
    const figures = await expertFigures(expert.id)
    // 10 20 30 | 45 60 180 → (30 + 45) / 2 = 37.5 minutes
    assert.equal(figures.medianFirstResponseSeconds, 37.5 * 60)
    // 27 / 6 = 4.5
    assert.equal(figures.averageRating, 4.5)
    assert.equal(figures.answered, 6)
  })

  test('other experts’ cases do not count; an answer without an accept is the first response', async ({ assert }) => {
    const { expert } = await makeExpert({ county: '510129' })
    const { expert: other } = await makeExpert({ county: '510129', name: '别人' })
    await caseOf(other.id, 1, 1)
    await caseOf(expert.id, null, null, { state: 'answering', answeredAt: ASSIGNED.plus({ minutes: 100 }) })
    const figures = await expertFigures(expert.id)
    assert.equal(figures.answered, 1)
    assert.equal(figures.medianFirstResponseSeconds, 100 * 60)
    assert.isNull(figures.averageRating)
  })

  test('durations read as minutes, hours, or days', ({ assert }) => {
    assert.deepEqual(durationParts(20), { days: 0, hours: 0, minutes: 1 })
    assert.deepEqual(durationParts(45 * 60), { days: 0, hours: 0, minutes: 45 })
    assert.deepEqual(durationParts(125 * 60 + 20), { days: 0, hours: 2, minutes: 5 })
    assert.deepEqual(durationParts(3 * 86400 + 4 * 3600), { days: 3, hours: 4, minutes: 0 })
  })
})

test.group('Expert availability', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  const expert = (overrides: Partial<{ onDuty: boolean; awayUntil: DateTime | null; openCases: number; maxOpenCases: number }> = {}) => ({
    onDuty: true,
    awayUntil: null,
    openCases: 0,
    maxOpenCases: 10,
    ...overrides,
  })

  test('away through the return date itself, on duty the day after', ({ assert }) => {
    const awayUntil = DateTime.fromISO('2026-05-05', { zone: 'Asia/Shanghai' })
    assert.equal(availabilityOf(expert({ awayUntil }), '2026-05-04'), 'away')
    assert.equal(availabilityOf(expert({ awayUntil }), '2026-05-05'), 'away')
    assert.equal(availabilityOf(expert({ awayUntil }), '2026-05-06'), 'on_duty')
    assert.equal(availabilityOf(expert({ onDuty: false }), '2026-05-06'), 'away')
  })

  test('full at the expert’s own maximum', ({ assert }) => {
    assert.equal(availabilityOf(expert({ openCases: 9 }), '2026-05-06'), 'on_duty')
    assert.equal(availabilityOf(expert({ openCases: 10 }), '2026-05-06'), 'full')
  })

  test('an away date is today or later by the Beijing calendar, and within a year', async ({ assert }) => {
    const { expert: profile } = await makeExpert({ county: '510129' })
    const today = DateTime.fromJSDate(clock.now(), { zone: 'Asia/Shanghai' }).startOf('day')
    const asDate = (day: DateTime) => new Date(day.year, day.month - 1, day.day)

    await setAvailability(profile, { availability: 'away', awayUntil: asDate(today), maxOpenCases: 3 })
    assert.equal(profile.awayUntil!.toISODate(), today.toISODate())

    await assert.rejects(() => setAvailability(profile, { availability: 'away', awayUntil: asDate(today.minus({ days: 1 })), maxOpenCases: 3 }), RuleError, 'experts.profiles.errors.away_in_past')
    await assert.rejects(() => setAvailability(profile, { availability: 'away', awayUntil: asDate(today.plus({ days: 367 })), maxOpenCases: 3 }), RuleError, 'experts.profiles.errors.away_too_far')

    // Two days on, the same date has become the past.
    clock.travel(2 * DAY)
    await assert.rejects(() => setAvailability(profile, { availability: 'away', awayUntil: asDate(today), maxOpenCases: 3 }), RuleError, 'experts.profiles.errors.away_in_past')
  })

  test('the main industry comes first and is not repeated among the others', ({ assert }) => {
    assert.deepEqual(industriesOf('tea', ['fruit', 'tea', 'fruit']), ['tea', 'fruit'])
    assert.deepEqual(industriesOf('pig'), ['pig'])
  })
})

test.group('Demo experts (seeder 05)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('run twice: the demo expert serves 大邑县 for two industries, six more experts, all verified and searchable once', async ({ assert }) => {
    const quiet = console.log
    console.log = () => {}
    try {
      await new DemoAccountsSeeder(db.connection()).run()
      await new ExpertsProfilesSeeder(db.connection()).run()
      await new ExpertsProfilesSeeder(db.connection()).run()
    } finally {
      console.log = quiet
    }
    const experts = await Expert.query().preload('user').orderBy('id')
    assert.lengthOf(experts, 7)
    assert.isTrue(experts.every((expert) => expert.status === 'verified'))
    const demo = experts.find((expert) => expert.user.phone === '13900000003')!
    assert.equal(demo.countyCode, '510129')
    assert.equal(demo.level, 'county')
    assert.lengthOf(demo.industries, 2)
    assert.sameMembers([...new Set(experts.map((expert) => expert.level))], ['county', 'city', 'province'])
    assert.sameMembers([...new Set(experts.map((expert) => expert.countyCode.slice(0, 4)))], ['5101', '5116'])
    const documents = await db.from('text_documents').where('source_type', 'expert').count('* as n').first()
    assert.equal(Number(documents.n), 7)
    const grants = await db.from('role_grants').where('role', 'expert').count('* as n').first()
    assert.equal(Number(grants.n), 7)
  })
})
