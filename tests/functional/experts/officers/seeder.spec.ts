import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/accounts/models/user'
import DemoAccountsSeeder from '#database/seeders/03_core_demo_accounts_seeder'
import VillagesSeeder from '#database/seeders/12_core_villages_seeder'
import OfficersSeeder from '#database/seeders/13_experts_officers_seeder'

test.group('信息员 / the demo seed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('npm run dev has 大邑县’s villages, 李信息 verified for 五星社区 (covered), a teacher waiting; seeding twice changes nothing', async ({ client, assert }) => {
    await new DemoAccountsSeeder(db.connection()).run()
    for (let i = 0; i < 2; i++) {
      await new VillagesSeeder(db.connection()).run()
      await new OfficersSeeder(db.connection()).run()
    }
    assert.equal(Number((await db.from('villages').where('county_code', '510129').count('* as n').first()).n), 7)
    assert.equal(Number((await db.from('experts_officers').count('* as n').first()).n), 3)

    const officer = await User.findByOrFail('phone', '13900000002')
    const mine = await client.get('/officers/me').loginAs(officer)
    mine.assertTextIncludes('已认证')
    mine.assertTextIncludes('晋原街道 五星社区')

    const staff = await User.findByOrFail('phone', '13900000005')
    const coverage = (await client.get('/admin/officers/coverage').loginAs(staff)).text()
    assert.include(coverage, '7 个村，1 个达标；认证信息员 2 名，活跃 2 名')
    assert.include((await client.get('/admin/experts/officers').loginAs(staff)).text(), '吴老师')
  })
})
