import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/accounts/models/user'
import DemoAccountsSeeder from '#database/seeders/03_core_demo_accounts_seeder'
import ExpertsProfilesSeeder from '#database/seeders/05_experts_profiles_seeder'
import ConsultationsDemoSeeder from '#database/seeders/06_experts_consultations_seeder'
import Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import { OPEN_FOR_EXPERT } from '#modules/experts/shared/consultation_states'
import { checkOpenCases } from '#modules/experts/triage/open_cases_check'

test.group('Demo seeder / consultations', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('two demo cases for the demo accounts, once however often it runs; their pages render', async ({ client, assert }) => {
    const quiet = console.log
    console.log = () => {}
    try {
      await new DemoAccountsSeeder(db.connection()).run()
      await new ExpertsProfilesSeeder(db.connection()).run()
      await new ConsultationsDemoSeeder(db.connection()).run()
      await new ConsultationsDemoSeeder(db.connection()).run()
    } finally {
      console.log = quiet
    }
    const cases = await Consultation.query().whereIn('idempotency_key', ['demo-consultation-submitted', 'demo-consultation-answered']).orderBy('id')
    assert.deepEqual(cases.map((item) => item.state), ['submitted', 'answering'])

    const officer = await User.findByOrFail('phone', '13900000002')
    const submitted = await client.get(`/consultations/${cases[0].id}`).loginAs(officer)
    submitted.assertStatus(200)
    submitted.assertTextIncludes('下一步')
    const farmer = await User.findByOrFail('phone', '13900000001')
    const answered = await client.get(`/consultations/${cases[1].id}`).loginAs(farmer)
    answered.assertTextIncludes('这是烟粉虱')
    answered.assertTextIncludes('name="body"')
    const [document] = await db.from('text_documents').where({ source_type: 'consultation', source_id: String(cases[1].id) })
    assert.isTrue(document.public, 'the answered demo case is a solved case for 找类似')

    // The demo expert's answered case counts against their load, as the app's assignment counts it.
    const expertUser = await User.findByOrFail('phone', '13900000003')
    const expert = await Expert.findByOrFail('userId', expertUser.id)
    const open = await Consultation.query().where('expert_id', expert.id).whereIn('state', [...OPEN_FOR_EXPERT]).count('* as n').firstOrFail()
    assert.equal(expert.openCases, Number(open.$extras.n))
    assert.equal(expert.openCases, 1)
    assert.notInclude((await checkOpenCases()).map((repair) => repair.expertId), Number(expert.id), 'nothing to repair after seeding')
  })
})
