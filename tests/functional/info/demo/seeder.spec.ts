import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/accounts/models/user'
import DemoAccountsSeeder from '#database/seeders/03_core_demo_accounts_seeder'
import InfoRecordsDemoSeeder from '#database/seeders/07_info_records_seeder'
import IndustryRecord from '#modules/info/models/industry_record'

test.group('Demo seeder / info records', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('five published records of 大邑县 and one waiting for review, once however often it runs, each through the workflow', async ({ client, assert }) => {
    await new DemoAccountsSeeder(db.connection()).run()
    await new InfoRecordsDemoSeeder(db.connection()).run()
    await new InfoRecordsDemoSeeder(db.connection()).run()
    const records = await IndustryRecord.query().orderBy('id')
    assert.deepEqual(records.map((record) => record.status), ['published', 'published', 'published', 'published', 'published', 'submitted'])
    const events = await db.from('info_record_events').where('record_id', records[0].id).orderBy('id')
    assert.deepEqual(events.map((event) => event.action), ['created', 'submitted', 'reviewed', 'signed_off'])

    const list = await client.get('/info')
    list.assertTextIncludes('大邑县优质粮油产业发展现状')
    list.assertTextIncludes('大邑县粮油加工龙头企业名录')
    const queue = await client.get('/info/reviews').loginAs(await User.findByOrFail('phone', '13900000006'))
    queue.assertTextIncludes('大邑县猕猴桃产业发展趋势')
  })
})
