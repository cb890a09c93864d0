import { test } from '@japa/runner'
import { bucketSeconds, medianOf } from '#modules/experts/statistics/rollups'
import { periodsOf, wholePeriods } from '#modules/experts/statistics/compute'

const beijing = (text: string) => new Date(`${text}+08:00`)

test.group('Statistics / rollups: medians and periods', () => {
  test('a median over buckets is percentile_cont over the values: the middle one, or the mean of the two middle ones', ({ assert }) => {
    assert.isNull(medianOf(new Map()))
    assert.isNull(medianOf(new Map([[5, 0]])))
    // 20, 30, 60 and 90 minutes (buckets 20, 30, 60 and 65) → 45 minutes.
    assert.equal(medianOf(new Map([[20, 1], [30, 1], [60, 1], [65, 1]])), 45 * 60)
    // Three values, 60/180/240 minutes → 180 minutes; counts weigh.
    assert.equal(medianOf(new Map([[60, 1], [80, 1], [90, 1]])), 180 * 60)
    assert.equal(medianOf(new Map([[10, 5], [90, 1]])), 600)
    // 2 and 8 days → 5 days.
    assert.equal(medianOf(new Map([[300, 1], [360, 1]])), 5 * 86400)
  })

  test('buckets are minutes below an hour, 0.1 h below a day, 0.1 day above, continuous at the seams', ({ assert }) => {
    assert.deepEqual([0, 1, 59, 60, 61, 289, 290, 291].map(bucketSeconds), [0, 60, 3540, 3600, 3960, 86040, 86400, 95040])
  })

  test('a range is whole months, whole days and the pieces of days at its ends', ({ assert }) => {
    const aligned = periodsOf(beijing('2026-01-15T00:00:00'), beijing('2026-04-03T00:00:00'))
    assert.deepEqual(aligned.months, ['2026-02-01', '2026-03-01'])
    assert.deepEqual(aligned.days.length, 17 + 2)
    assert.deepEqual([aligned.days[0], aligned.days.at(-1)], ['2026-01-15', '2026-04-02'])
    assert.deepEqual(aligned.edges, [])
    assert.deepEqual(aligned.outsideMonths, [
      [beijing('2026-01-15T00:00:00'), beijing('2026-02-01T00:00:00')],
      [beijing('2026-04-01T00:00:00'), beijing('2026-04-03T00:00:00')],
    ])

    const pieces = periodsOf(beijing('2026-01-31T07:00:00'), beijing('2026-03-01T05:00:00'))
    assert.deepEqual(pieces.months, ['2026-02-01'])
    assert.deepEqual(pieces.days, [])
    assert.deepEqual(pieces.edges, [
      [beijing('2026-01-31T07:00:00'), beijing('2026-02-01T00:00:00')],
      [beijing('2026-03-01T00:00:00'), beijing('2026-03-01T05:00:00')],
    ])

    const inside = periodsOf(beijing('2026-01-31T07:00:00'), beijing('2026-01-31T09:00:00'))
    assert.deepEqual([inside.months, inside.days, inside.edges.length], [[], [], 1])
    assert.deepEqual(periodsOf(beijing('2026-01-31T07:00:00'), beijing('2026-01-31T07:00:00')).edges, [])
  })

  test('whole months are read as whole years, then whole quarters, then months', ({ assert }) => {
    const months = (first: string, count: number) =>
      Array.from({ length: count }, (_, index) => {
        const date = new Date(`${first}T00:00:00Z`)
        date.setUTCMonth(date.getUTCMonth() + index)
        return date.toISOString().slice(0, 10)
      })
    assert.deepEqual(wholePeriods(months('2024-11-01', 20)), {
      y: ['2025-01-01'],
      q: ['2026-01-01', '2026-04-01'],
      m: ['2024-11-01', '2024-12-01'],
    })
    assert.deepEqual(wholePeriods(months('2026-02-01', 5)), { y: [], q: ['2026-04-01'], m: ['2026-02-01', '2026-03-01'] })
    assert.deepEqual(wholePeriods([]), { y: [], q: [], m: [] })
  })
})
