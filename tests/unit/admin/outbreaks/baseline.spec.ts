import { test } from '@japa/runner'
import { exceedsBaseline, FLOOR, problemTerms, seasonalBaseline } from '#modules/admin/outbreaks/baseline'

test.group('Admin / outbreaks / the seasonal baseline', () => {
  test('a burst over a quiet history is an outbreak; the same counts as every year at this season are not', ({ assert }) => {
    assert.isTrue(exceedsBaseline(9, [1, 0, 2]))
    assert.isTrue(exceedsBaseline(FLOOR, []), 'no history at all')
    assert.isFalse(exceedsBaseline(9, [9, 9, 9]), 'a seasonal normal')
    assert.isFalse(exceedsBaseline(9, [4, 5, 5]), 'under twice the mean')
  })

  test('a county with no history does not alert on 2 cases: the floor', ({ assert }) => {
    assert.isFalse(exceedsBaseline(2, []))
    assert.isFalse(exceedsBaseline(FLOOR - 1, [0, 0, 0]))
  })

  test('the baseline is the mean of the earlier years, 0 without any', ({ assert }) => {
    assert.equal(seasonalBaseline([3, 6, 0]), 3)
    assert.equal(seasonalBaseline([]), 0)
  })

  test('only the words naming a disease, pest or symptom make the problem; a breed or a way of farming is none', ({ assert }) => {
    assert.deepEqual(problemTerms(['猕猴桃', '开裂', '溃疡病', '防治']), ['开裂', '溃疡病'])
    assert.deepEqual(problemTerms(['长白猪', '育肥猪']), [])
  })
})
