import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import DemoAccountsSeeder from '#database/seeders/03_core_demo_accounts_seeder'
import ExpertsProfilesSeeder from '#database/seeders/05_experts_profiles_seeder'
import KnowledgeDemoSeeder from '#database/seeders/09_experts_knowledge_seeder'
import KnowledgeEntry from '#modules/experts/knowledge/knowledge_entry'

test.group('Knowledge / the demo seed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('npm run dev shows a living /knowledge: 39 entries over the 13 industries, masked; seeding twice changes nothing', async ({ client, assert }) => {
    await new DemoAccountsSeeder(db.connection()).run()
    await new ExpertsProfilesSeeder(db.connection()).run()
    await new KnowledgeDemoSeeder(db.connection()).run()
    await new KnowledgeDemoSeeder(db.connection()).run()
    const entries = await KnowledgeEntry.query().where('state', 'published')
    assert.lengthOf(entries, 39)
    assert.lengthOf(new Set(entries.map((entry) => entry.industryCode)), 13)
    const page = await client.get('/knowledge?industry=tea')
    page.assertStatus(200)
    assert.equal(page.text().match(/<li id="knowledge-/g)?.length, 3)
    const first = await client.get(`/knowledge/${entries[0].id}`)
    first.assertStatus(200)
    assert.notInclude(first.text(), '王大田')
    assert.notInclude(first.text(), '13900000001')
  })
})
