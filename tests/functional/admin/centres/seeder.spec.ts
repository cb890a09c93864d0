import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/accounts/models/user'
import DemoAccountsSeeder from '#database/seeders/03_core_demo_accounts_seeder'
import AdminCentresSeeder from '#database/seeders/11_admin_centres_seeder'

test.group('Admin / centres / the demo seed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("npm run dev shows the demo regions' centres: 钱主任 sees 成都's three, 赵分诊 大邑县's; seeding twice changes nothing", async ({ client, assert }) => {
    await new DemoAccountsSeeder(db.connection()).run()
    await new AdminCentresSeeder(db.connection()).run()
    await new AdminCentresSeeder(db.connection()).run()
    assert.equal(Number((await db.from('admin_operation_centers').count('* as n').first()).n), 4)
    const cityAdmin = await User.findByOrFail('phone', '13900000006')
    const city = await client.get('/admin/centres').loginAs(cityAdmin)
    for (const name of ['成都市运管中心', '大邑县运管中心', '锦江区运管中心']) assert.include(city.text(), name)
    assert.notInclude(city.text(), '四川省农业科技服务运管中心')
    const county = await client.get('/admin/centres').loginAs(await User.findByOrFail('phone', '13900000005'))
    assert.include(county.text(), '大邑县运管中心')
    assert.notInclude(county.text(), '成都市运管中心')
  })
})
