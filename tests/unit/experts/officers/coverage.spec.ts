import { test } from '@japa/runner'
import { citiesOf, coveredShare, totalsOf } from '#modules/experts/officers/officer_coverage'

const row = (code: string, villages: number, covered: number, verified = covered * 2, active = 0) => ({ code, villages, covered, verified, active })

test.group('信息员 coverage / the roll-up and the share', () => {
  test('counties sum into their cities, in code order', ({ assert }) => {
    const cities = citiesOf([row('511623', 4, 1, 3, 1), row('510104', 10, 10, 20, 5), row('510129', 30, 3, 9, 2)])
    assert.deepEqual(cities, [
      { code: '510100', villages: 40, covered: 13, verified: 29, active: 7 },
      { code: '511600', villages: 4, covered: 1, verified: 3, active: 1 },
    ])
    assert.deepEqual(totalsOf(cities), { villages: 44, covered: 14, verified: 32, active: 8 })
    assert.deepEqual(citiesOf([]), [])
  })

  test('the share in whole per cent: 0 only for none, 100 only for all, else 1 to 99', ({ assert }) => {
    assert.equal(coveredShare(row('510104', 0, 0)), 0)
    assert.equal(coveredShare(row('510104', 200, 0)), 0)
    assert.equal(coveredShare(row('510104', 200, 1)), 1, 'half a per cent is not nothing')
    assert.equal(coveredShare(row('510104', 3, 1)), 33)
    assert.equal(coveredShare(row('510104', 200, 199)), 99, 'one village short is not all')
    assert.equal(coveredShare(row('510104', 3, 3)), 100)
  })
})
