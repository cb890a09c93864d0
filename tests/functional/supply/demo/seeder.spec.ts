import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import DemoAccountsSeeder from '#database/seeders/03_core_demo_accounts_seeder'
import SupplySellersSeeder from '#database/seeders/08_supply_sellers_seeder'
import SupplyShopsSeeder from '#database/seeders/08_supply_shops_seeder'
import ShopProduct from '#modules/supply/models/shop_product'
import Seller from '#modules/supply/models/seller'

test.group('Supply / the demo seed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('npm run dev shows a living /supply, and a proposal waits for 赵分诊 of 大邑县; seeding twice changes nothing', async ({ client, assert }) => {
    await new DemoAccountsSeeder(db.connection()).run()
    await new SupplySellersSeeder(db.connection()).run()
    await new SupplySellersSeeder(db.connection()).run()
    assert.lengthOf(await Seller.query().where('status', 'selected'), 5)
    const page = await client.get('/supply?county_code=510129')
    page.assertTextIncludes('大邑县农资服务站')
    const waiting = await Seller.query().where('status', 'proposed').firstOrFail()
    assert.equal(waiting.countyCode, '510129')
  })

  test("王大田's micro-shop, found by 大邑县 and 川果, with a sold-out product; seeding twice changes nothing", async ({ client, assert }) => {
    await new DemoAccountsSeeder(db.connection()).run()
    await new SupplyShopsSeeder(db.connection()).run()
    await new SupplyShopsSeeder(db.connection()).run()
    assert.lengthOf(await ShopProduct.all(), 3)
    const list = await client.get('/supply/shops?county_code=510129&industry=fruit')
    list.assertTextIncludes('王大田的果园')
    const shopId = /href="\/supply\/shops\/(\d+)"/.exec(list.text())![1]
    const page = await client.get(`/supply/shops/${shopId}`)
    page.assertTextIncludes('已售罄')
    page.assertTextIncludes('15.00–25.00 元/斤')
  })
})
