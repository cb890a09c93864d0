import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { actingAs } from '#core/accounts/acting'
import User from '#core/accounts/models/user'
import { allowWithinScope } from '#core/accounts/scoped_access'
import { todayIso } from '#core/clock'
import { restoreRegion, suspendRegion, suspensionOfScopes, triageLevelFor } from '#core/regions/participation'
import { RegionScope } from '#core/regions/region_scope'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { createUser } from '#tests/helpers'

const staff = (scope: string) => createUser({ roles: ['center_staff'], scopes: { center_staff: scope } })
const fresh = (user: User) => User.findOrFail(user.id)
const outcome = async (user: User, county: string, intent: 'read' | 'manage') => {
  const response = await allowWithinScope(user, SCOPED_ROLES, county, intent)
  return response.authorized ? 'allow' : response.status
}

test.group('Scoped access / read and manage while a region is suspended', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('read and manage inside the scope, 404 outside; a suspended county reads, manages nothing (403); its city and the province manage', async ({ assert }) => {
    const county = await staff('510104')
    const city = await staff('5101')
    const province = await staff('51')
    assert.deepEqual([await outcome(county, '510104', 'manage'), await outcome(county, '510105', 'read')], ['allow', 404])
    const admin = await actingAs(await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } }), null)
    const suspension = await suspendRegion(admin, { regionCode: '510104', reason: '未落实配套经费', fromDay: todayIso() })

    const later = await fresh(county)
    assert.equal(await outcome(later, '510104', 'read'), 'allow')
    const refused = await allowWithinScope(later, SCOPED_ROLES, '510104', 'manage')
    assert.deepEqual([refused.status, refused.translation?.identifier], [403, 'regions.participation.denied'])
    assert.equal(await outcome(later, '510105', 'manage'), 404, 'outside the scope stays not found')
    assert.equal(await outcome(await fresh(city), '510104', 'manage'), 'allow')
    assert.equal(await outcome(await fresh(province), '510104', 'manage'), 'allow')
    assert.equal((await suspensionOfScopes([RegionScope.fromPrefix('510104')]))?.reason, '未落实配套经费')
    assert.isNull(await suspensionOfScopes([RegionScope.fromPrefix('5101')]))
    assert.equal(await triageLevelFor('510104'), 'city')

    await restoreRegion(admin, suspension.id, '经费已到位')
    assert.equal(await outcome(await fresh(county), '510104', 'manage'), 'allow', 'the next request reads the suspensions afresh')
    assert.equal(await triageLevelFor('510104'), 'county')
  })

  test('a suspended city stops its counties and itself; its counties go to the province for triage', async ({ assert }) => {
    const admin = await actingAs(await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } }), null)
    await suspendRegion(admin, { regionCode: '510100', reason: '未落实配套经费', fromDay: todayIso() })
    assert.equal(await outcome(await staff('510104'), '510104', 'manage'), 403)
    assert.equal(await outcome(await staff('5101'), '510129', 'manage'), 403)
    assert.equal(await outcome(await staff('5116'), '511623', 'manage'), 'allow')
    assert.equal(await triageLevelFor('510104'), 'province')
    assert.equal(await triageLevelFor('511623'), 'county')
  })
})
