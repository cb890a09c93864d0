import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser } from '#tests/helpers'
import { makeBounty } from '#tests/fixtures/achievements/bounties'
import { centreStaff } from '#tests/fixtures/achievements/platforms'

test.group('Achievements / bounty statistics for the centre', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a 510104 centre sees its county\'s bounties, fees and mismatches, not 510105\'s; the CSV has the same rows; others 403', async ({ client, assert }) => {
    const agreed = await makeBounty({ county: '510104', status: 'agreed', title: '锦江区已达成榜单' })
    agreed.merge({ ownerFeeFen: 500000, expertFeeFen: 450000, feeMismatch: true })
    await agreed.save()
    await makeBounty({ county: '510104', status: 'open' })
    const other = await makeBounty({ county: '510105', status: 'done' })
    other.merge({ ownerFeeFen: 990000, expertFeeFen: 990000 })
    await other.save()

    const jinjiang = await centreStaff('510104')
    const page = await client.get('/admin/achievements/bounties').loginAs(jinjiang)
    page.assertStatus(200)
    assert.include(page.text(), '成都市 锦江区')
    assert.include(page.text(), '5000.00')
    assert.notInclude(page.text(), '青羊区')
    assert.notInclude(page.text(), '9900.00')
    const csv = await client.get('/admin/achievements/bounties?format=csv').loginAs(jinjiang)
    csv.assertStatus(200)
    assert.include(csv.header('content-type'), 'text/csv')
    const lines = csv.text().replace('\uFEFF', '').trim().split('\r\n')
    assert.deepEqual(lines, ['区县,产业,发榜,达成,完成,撤榜,成交费用（元）,费用不一致', '成都市 锦江区,川果,2,1,0,0,5000.00,1'])

    const city = await centreStaff('5101')
    const cityCsv = await client.get('/admin/achievements/bounties?format=csv').loginAs(city)
    assert.include(cityCsv.text(), '成都市 青羊区,川果,1,1,1,0,9900.00,0')
    ;(await client.get('/admin/achievements/bounties').loginAs(await createUser({ roles: ['market_entity'] }))).assertStatus(403)
  })
})
