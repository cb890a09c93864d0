import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { currentRules } from '#modules/admin/subsidies/subsidy_rules'
import { staffOf } from '#tests/fixtures/experts/consultations'
import { provinceAdmin, YEAR } from '#tests/fixtures/admin/subsidies'
import { fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'

const ruleForm = (changes: Record<string, string> = {}) => ({
  year: String(YEAR),
  kind: 'expert_county',
  min_valid: '20',
  min_rating: '4.5',
  max_missed: '3',
  base_yuan: '2000',
  per_valid_yuan: '50',
  max_yuan: '5000',
  reason: '2025 年度补贴办法',
  ...changes,
})

test.group('Subsidies / yearly rules with their history', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the province sets a rule (no-JS), then a new version (htmx); the newest applies, every version stays', async ({ client, assert }) => {
    const admin = await provinceAdmin()
    const first = await submitForm(client, '/admin/subsidies/rules', ruleForm(), admin)
    first.assertStatus(302)
    assert.equal(first.header('location'), `/admin/subsidies/rules?year=${YEAR}`)
    const second = await submitHtmxForm(client, '/admin/subsidies/rules', ruleForm({ base_yuan: '2500', min_rating: '', max_missed: '', reason: '省财政追加预算' }), admin)
    second.assertStatus(200)
    assert.notInclude(second.text(), '<html')
    assert.include(second.text(), '已保存新版本规则')
    const rule = (await currentRules(YEAR)).get('expert_county')!
    assert.deepEqual(rule, { kind: 'expert_county', version: 2, minValid: 20, minRatingTenths: null, maxMissed: null, baseFen: 250_000, perValidFen: 5_000, maxFen: 500_000 })

    const page = await client.get(`/admin/subsidies/rules?year=${YEAR}`).loginAs(await staffOf('510104'))
    page.assertStatus(200)
    for (const text of ['第 2 版', '有效咨询满 20 件：2500.00 元，超出每件加 50.00 元，最高 5000.00 元', '2025 年度补贴办法', '省财政追加预算']) page.assertTextIncludes(text)
    // County staff read the rules but set none.
    assert.notInclude(page.text(), '设定新版本</button>')
    assert.equal((await db.from('audit_log').where('action', 'subsidies.rule_save').count('* as n'))[0].n, '2')
  })

  test('only the province sets rules; letters in an amount, a base over the maximum: Chinese messages, nothing stored', async ({ client, assert }) => {
    ;(await submitForm(client, '/admin/subsidies/rules', ruleForm(), await staffOf('5101', 'center_admin'))).assertStatus(403)
    ;(await submitForm(client, '/admin/subsidies/rules', ruleForm(), await staffOf('51'))).assertStatus(403)
    const admin = await provinceAdmin()
    const letters = await submitForm(client, '/admin/subsidies/rules', ruleForm({ max_yuan: '五千' }), admin)
    assert.deepEqual(fieldErrors(letters, 'max_yuan'), ['金额只能填数字，最多两位小数，如 1200 或 1200.50'])
    const over = await submitForm(client, '/admin/subsidies/rules', ruleForm({ base_yuan: '6000' }), admin)
    assert.deepEqual(fieldErrors(over, 'base_yuan'), ['基础金额不能超过最高金额'])
    const rating = await submitForm(client, '/admin/subsidies/rules', ruleForm({ min_rating: '9' }), admin)
    assert.deepEqual(fieldErrors(rating, 'min_rating'), ['评分门槛填 1 至 5 之间的数，最多一位小数，如 4.5'])
    assert.equal((await db.from('admin_subsidy_rules').count('* as n'))[0].n, '0')
  })
})
