import { test } from '@japa/runner'
import { clock, DAY } from '#core/clock'
import { barChart, fillBuckets, lineChart } from '#modules/experts/statistics/charts'
import { bucketUnit } from '#modules/experts/statistics/compute'
import { dateRange } from '#modules/experts/statistics/validators'

const messages = { invalid: 'invalid', order: 'order', tooLong: 'too long' }

test.group('Statistics / charts', () => {
  test('bars scale to the largest value; a non-zero value is never invisible', ({ assert }) => {
    const chart = barChart([{ label: '川粮油', value: 1000 }, { label: '川茶', value: 1 }, { label: '川鱼', value: 0 }], { width: 320, labelWidth: 96 })
    assert.deepEqual(chart.bars.map((bar) => [bar.width, bar.y]), [[176, 0], [1, 26], [0, 52]])
    assert.equal(chart.height, 78)
    assert.deepEqual(barChart([]).bars, [])
  })

  test('the line runs from the first to the last point, zero on the baseline', ({ assert }) => {
    const chart = lineChart([{ label: 'a', value: 0 }, { label: 'b', value: 10 }, { label: 'c', value: 5 }], { width: 208, height: 120 })
    assert.equal(chart.path, 'M4 102 L104 12 L204 57')
    assert.equal(chart.max, 10)
    assert.equal(lineChart([{ label: 'a', value: 0 }]).path, 'M160 102')
  })

  test('every day, week (from Monday) or month of the range is present', ({ assert }) => {
    assert.deepEqual(fillBuckets([{ bucket: '2026-03-02', cases: 4 }], '2026-03-01', '2026-03-03', 'day'), [
      { bucket: '2026-03-01', cases: 0 },
      { bucket: '2026-03-02', cases: 4 },
      { bucket: '2026-03-03', cases: 0 },
    ])
    assert.deepEqual(fillBuckets([], '2026-03-04', '2026-03-17', 'week').map((b) => b.bucket), ['2026-03-02', '2026-03-09', '2026-03-16'])
    assert.deepEqual(fillBuckets([], '2025-11-20', '2026-02-01', 'month').map((b) => b.bucket), ['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01'])
    assert.equal(bucketUnit(new Date('2026-01-01'), new Date('2026-03-01')), 'day')
    assert.equal(bucketUnit(new Date('2026-01-01'), new Date('2026-12-01')), 'week')
    assert.equal(bucketUnit(new Date('2016-01-01'), new Date('2026-01-01')), 'month')
  })
})

test.group('Statistics / date range', (group) => {
  group.each.teardown(() => clock.reset())

  test('days are Beijing days; the default is the last 30 days up to today', ({ assert }) => {
    const range = dateRange({ from: '2026-03-01', to: '2026-03-31' }, messages)
    assert.equal(range.from.toISOString(), '2026-02-28T16:00:00.000Z')
    assert.equal(range.to.toISOString(), '2026-03-31T16:00:00.000Z')
    clock.travel(-clock.now().getTime() + Date.parse('2026-06-15T02:00:00Z'))
    const fallback = dateRange({}, messages)
    assert.deepEqual([fallback.fromDay, fallback.toDay], ['2026-05-17', '2026-06-15'])
    clock.travel(DAY)
    assert.equal(dateRange({}, messages).toDay, '2026-06-16')
  })

  test('impossible days, reversed ranges and more than ten years are refused', ({ assert }) => {
    const failing = (input: { from?: string; to?: string }) => {
      try {
        dateRange(input, messages)
      } catch (error: any) {
        return error.messages.map((m: any) => `${m.field}: ${m.message}`)
      }
      return []
    }
    assert.deepEqual(failing({ from: '2026-02-29' }), ['from: invalid'])
    assert.deepEqual(failing({ from: '2026-03-02', to: '2026-03-01' }), ['to: order'])
    assert.deepEqual(failing({ from: '2016-03-01', to: '2026-03-02' }), ['to: too long'])
    assert.deepEqual(failing({ from: '2016-03-01', to: '2026-03-01' }), [])
  })
})
