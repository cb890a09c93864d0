import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/accounts/models/user'
import { RegionScope } from '#core/regions/region_scope'
import { createUser } from '#tests/helpers'

test.group('RegionScope', () => {
  test('a region code becomes its prefix', ({ assert }) => {
    assert.equal(RegionScope.fromRegionCode('510000').prefix, '51')
    assert.equal(RegionScope.fromRegionCode('510100').prefix, '5101')
    assert.equal(RegionScope.fromRegionCode('510104').prefix, '510104')
    assert.equal(RegionScope.fromPrefix('5101').regionCode, '510100')
    assert.equal(RegionScope.fromRegionCode('510104').city.prefix, '5101')
    assert.equal(RegionScope.province.city, RegionScope.province)
    assert.deepEqual(
      ['51', '5101', '510104'].map((p) => RegionScope.fromPrefix(p).level),
      ['province', 'city', 'county']
    )
  })

  test('a record of 510105 is outside 510104 and inside 5101 and 51', ({ assert }) => {
    assert.isFalse(RegionScope.fromPrefix('510104').contains('510105'))
    assert.isTrue(RegionScope.fromPrefix('510104').contains('510104'))
    assert.isTrue(RegionScope.fromPrefix('5101').contains('510105'))
    assert.isTrue(RegionScope.province.contains('510105'))
    assert.isFalse(RegionScope.fromPrefix('5101').contains('511623'))
    assert.isFalse(RegionScope.fromPrefix('5101').contains(null))
    assert.isTrue(RegionScope.province.contains(null), 'platform-wide records belong to the province')
  })

  test('covers: a city covers its counties, never the reverse or a neighbour', ({ assert }) => {
    const chengdu = RegionScope.fromPrefix('5101')
    assert.isTrue(chengdu.covers(RegionScope.fromPrefix('510104')))
    assert.isTrue(chengdu.covers(chengdu))
    assert.isFalse(RegionScope.fromPrefix('510104').covers(chengdu))
    assert.isFalse(RegionScope.fromPrefix('510104').covers(RegionScope.fromPrefix('510105')))
    assert.isTrue(RegionScope.province.covers(chengdu))
  })

  test('codes outside Sichuan or malformed are rejected', ({ assert }) => {
    for (const bad of ['11', '5', '510', '51010', '5101041', 'abcd', '', '11010']) {
      assert.throws(() => RegionScope.fromPrefix(bad))
    }
    assert.throws(() => RegionScope.fromRegionCode('110101'))
  })
})

test.group('RegionScope.constrain (real queries)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('limits rows to the scopes by prefix', async ({ assert }) => {
    const jinjiang = await createUser({ county: '510104' })
    const qingyang = await createUser({ county: '510105' })
    const linshui = await createUser({ county: '511623' })
    const nowhere = await User.create({ phone: '13600000000', password: 'x-password', countyCode: null })
    const ids = async (scopes: RegionScope[]) =>
      (await RegionScope.constrain(User.query(), scopes).orderBy('id')).map((user) => user.id)

    assert.deepEqual(await ids([RegionScope.fromPrefix('510104')]), [jinjiang.id])
    assert.deepEqual(await ids([RegionScope.fromPrefix('5101')]), [jinjiang.id, qingyang.id])
    assert.deepEqual(await ids([RegionScope.fromPrefix('510104'), RegionScope.fromPrefix('5116')]), [jinjiang.id, linshui.id])
    assert.deepEqual(await ids([RegionScope.province]), [jinjiang.id, qingyang.id, linshui.id, nowhere.id])
    assert.deepEqual(await ids([]), [])
  })
})
