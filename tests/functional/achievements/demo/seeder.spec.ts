import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import DemoAccountsSeeder from '#database/seeders/03_core_demo_accounts_seeder'
import ExpertProfilesSeeder from '#database/seeders/05_experts_profiles_seeder'
import AchievementsDemoSeeder from '#database/seeders/10_achievements_demo_seeder'
import TechDemand from '#modules/achievements/models/tech_demand'
import Bounty from '#modules/achievements/models/bounty'
import InnovationPlatform from '#modules/achievements/models/innovation_platform'

test.group('Achievements / the demo seed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('npm run dev shows demands with matching offers, open bounties and a coloured map; seeding twice changes nothing', async ({ client, assert }) => {
    await new DemoAccountsSeeder(db.connection()).run()
    await new ExpertProfilesSeeder(db.connection()).run()
    await new AchievementsDemoSeeder(db.connection()).run()
    await new AchievementsDemoSeeder(db.connection()).run()
    assert.lengthOf(await TechDemand.all(), 2)
    assert.lengthOf(await Bounty.all(), 2)
    assert.lengthOf(await InnovationPlatform.all(), 6)
    const demand = await TechDemand.findByOrFail('title', '辣椒疫病防控技术指导')
    const page = await client.get(`/achievements/demands/${demand.id}`)
    page.assertTextIncludes('辣椒疫病综合防治技术')
    ;(await client.get('/achievements/bounties')).assertTextIncludes('辣椒基地疫病防控上门指导三天')
    ;(await client.get('/achievements/platforms/map')).assertTextIncludes('成都市 大邑县：1 个双创平台')
  })
})
