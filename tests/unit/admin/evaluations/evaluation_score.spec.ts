import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { lastMonth, periodRange, scoreOf } from '#modules/admin/evaluations/evaluation_score'

test.group('Admin / evaluations / the score', () => {
  test('full marks for the target reached, everything on time and five stars; the volume is capped at the target', ({ assert }) => {
    assert.equal(scoreOf({ valid: 20, target: 20, triageRate: 1, followupRate: 1, averageRating: 5 }), 100)
    assert.equal(scoreOf({ valid: 60, target: 20, triageRate: 1, followupRate: 1, averageRating: 5 }), 100)
  })

  test('each part in proportion: half the target, 90 % and 80 % on time, 4 stars', ({ assert }) => {
    // 40 × 0.5 + 20 × 0.9 + 20 × 0.8 + 20 × 0.75
    assert.equal(scoreOf({ valid: 10, target: 20, triageRate: 0.9, followupRate: 0.8, averageRating: 4 }), 69)
  })

  test('nothing due and no ratings earn nothing; a missing target scores no volume', ({ assert }) => {
    assert.equal(scoreOf({ valid: 0, target: 20, triageRate: null, followupRate: null, averageRating: null }), 0)
    assert.equal(scoreOf({ valid: 5, target: 0, triageRate: 1, followupRate: null, averageRating: 1 }), 20)
    assert.equal(scoreOf({ valid: 1, target: 3, triageRate: null, followupRate: null, averageRating: null }), 13.3)
  })

  test('a month and a year as Beijing days; anything else is refused', ({ assert }) => {
    const month = periodRange('2026-02')!
    assert.deepInclude(month, { year: 2026, months: 1, fromDay: '2026-02-01', toDay: '2026-02-28' })
    assert.equal(month.from.toISOString(), '2026-01-31T16:00:00.000Z')
    assert.deepInclude(periodRange('2026')!, { months: 12, fromDay: '2026-01-01', toDay: '2026-12-31' })
    for (const bad of ['2026-13', '2026-1', '26-01', '2026-00', '']) assert.isNull(periodRange(bad), bad)
    assert.equal(lastMonth(DateTime.fromISO('2026-01-01T01:00:00+08:00')), '2025-12')
  })
})
