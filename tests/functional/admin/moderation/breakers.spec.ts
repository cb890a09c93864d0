import { test } from '@japa/runner'
import '#tests/fixtures/moderation/stand_in_modules'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEntry from '#core/audit/audit_entry'
import { RegionScope } from '#core/regions/region_scope'
import { CircuitBreaker } from '#core/moderation/models'
import { breakerStatus, screen } from '#core/moderation/moderation'
import { actingAs } from '#core/accounts/acting'
import { tripBreaker } from '#core/moderation/breakers'
import { assertRedirect, createUser, submitForm, submitHtmxForm } from '#tests/helpers'

const countyAdmin = (scope = '510104') => createUser({ roles: ['center_admin'], scopes: { center_admin: scope } })

async function trippedBreaker(module: 'experts' | 'info', scope: string, reason = '测试熔断') {
  const admin = await actingAs(await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } }), null)
  return tripBreaker(admin, { module, scope: RegionScope.fromPrefix(scope), reason })
}

test.group('Admin / moderation breakers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the page lists the breakers inside the admin’s scope only; the fragment too', async ({ client, assert }) => {
    await trippedBreaker('experts', '510104', '锦江区集中违规')
    await trippedBreaker('experts', '510105', '青羊区集中违规')
    const admin = await countyAdmin('510104')

    const page = await client.get('/admin/moderation/breakers').loginAs(admin)
    page.assertStatus(200)
    assert.include(page.text(), '<html')
    assert.include(page.text(), '锦江区集中违规')
    assert.include(page.text(), '成都市 锦江区')
    assert.notInclude(page.text(), '青羊区集中违规')
    // The trip form offers its own county only.
    assert.include(page.text(), 'value="510104"')
    assert.notInclude(page.text(), 'value="510105"')

    const city = await countyAdmin('5101')
    const fragment = await client.get('/admin/moderation/breakers').header('HX-Request', 'true').loginAs(city)
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '锦江区集中违规')
    assert.include(fragment.text(), '青羊区集中违规')
  })

  test('an admin trips its county’s breaker without JavaScript: audited, and that county only is held', async ({ client, assert }) => {
    const admin = await countyAdmin('510104')
    const response = await submitForm(client, '/admin/moderation/breakers', { module: 'experts', scope: '510104', reason: '短时间内多条违规' }, admin)
    assertRedirect(response, '/admin/moderation/breakers')
    assert.equal(response.flashMessages().success, '已熔断：专家服务 · 成都市 锦江区')

    assert.isTrue(await breakerStatus('experts', '510104'))
    assert.equal((await screen({ module: 'experts', countyCode: '510104', text: '玉米叶子发黄' })).verdict, 'hold')
    assert.equal((await screen({ module: 'experts', countyCode: '510105', text: '玉米叶子发黄' })).verdict, 'pass')

    const entry = await AuditEntry.findByOrFail('action', 'moderation.breaker_trip')
    assert.deepInclude(entry.$attributes, { actorId: admin.id, actorRole: 'center_admin', countyCode: '510104' })
    assert.equal((entry.changes as any).reason.new, '短时间内多条违规')
    assert.isNotNull(entry.ip)
  })

  test('tripping through htmx answers with the list; tripping again says it is already tripped', async ({ client, assert }) => {
    const admin = await countyAdmin('5101')
    const form = { module: 'info', scope: '510100', reason: '全市排查' }
    const first = await submitHtmxForm(client, '/admin/moderation/breakers', form, admin)
    first.assertStatus(200)
    assert.notInclude(first.text(), '<html')
    assert.include(first.text(), '已熔断：板块 · 成都市')
    assert.include(first.text(), '全市排查')
    assert.isTrue(await breakerStatus('info', '510129'))

    const again = await submitHtmxForm(client, '/admin/moderation/breakers', form, admin)
    assert.include(again.text(), '该板块在该地区已处于熔断状态')
    assert.equal(await AuditEntry.query().where('action', 'moderation.breaker_trip').count('* as n').then(([row]) => Number(row.$extras.n)), 1)
  })

  test('a trip without a reason, or of an unknown module or region, is refused in Chinese', async ({ client, assert }) => {
    const admin = await countyAdmin('510104')
    const noReason = await submitForm(client, '/admin/moderation/breakers', { module: 'experts', scope: '510104', reason: '  ' }, admin)
    assert.deepEqual(noReason.flashMessages().inputErrorsBag?.reason, ['请填写原因（将记入操作日志）'])

    const fragment = await submitHtmxForm(client, '/admin/moderation/breakers', { module: 'weather', scope: '999999', reason: '原因' }, admin)
    fragment.assertStatus(422)
    assert.include(fragment.text(), '请选择有效的板块')
    assert.include(fragment.text(), '请选择四川省内的地区')
    assert.isFalse(await breakerStatus('experts', '510104'))
  })

  test('a county admin cannot trip or reset another county’s breaker (404), nor the city’s', async ({ client, assert }) => {
    const admin = await countyAdmin('510104')
    const response = await submitForm(client, '/admin/moderation/breakers', { module: 'experts', scope: '510105', reason: '越权' }, admin)
    response.assertStatus(404)
    ;(await submitForm(client, '/admin/moderation/breakers', { module: 'experts', scope: '510100', reason: '越权' }, admin)).assertStatus(404)
    assert.isFalse(await breakerStatus('experts', '510105'))

    const other = await trippedBreaker('experts', '510105')
    ;(await submitForm(client, `/admin/moderation/breakers/${other.id}/reset`, { reason: '越权解除' }, admin)).assertStatus(404)
    assert.isTrue(await breakerStatus('experts', '510105'))
    assert.isNull(await AuditEntry.findBy('action', 'moderation.breaker_reset'))
  })

  test('centre staff and ordinary users may not manage breakers', async ({ client }) => {
    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510104' } })
    const farmer = await createUser()
    for (const user of [staff, farmer]) {
      ;(await client.get('/admin/moderation/breakers').loginAs(user)).assertStatus(403)
      ;(await submitForm(client, '/admin/moderation/breakers', { module: 'experts', scope: '510104', reason: '无权' }, user)).assertStatus(403)
    }
  })

  test('resetting with a reason: plain post and htmx, audited; without a reason it stays tripped', async ({ client, assert }) => {
    const admin = await countyAdmin('5101')
    const county = await trippedBreaker('experts', '510104')
    const city = await trippedBreaker('info', '5101')

    const missing = await submitForm(client, `/admin/moderation/breakers/${county.id}/reset`, { reason: '' }, admin)
    assertRedirect(missing, '/admin/moderation/breakers')
    assert.equal(missing.flashMessages().error, '请填写原因（将记入操作日志）')
    assert.isTrue(await breakerStatus('experts', '510104'))

    const plain = await submitForm(client, `/admin/moderation/breakers/${county.id}/reset`, { reason: '已核查处理' }, admin)
    assertRedirect(plain, '/admin/moderation/breakers')
    assert.equal(plain.flashMessages().success, '已解除熔断：专家服务 · 成都市 锦江区')
    assert.isFalse(await breakerStatus('experts', '510104'))

    const fragment = await submitHtmxForm(client, `/admin/moderation/breakers/${city.id}/reset`, { reason: '全市恢复' }, admin)
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '已解除熔断：板块 · 成都市')
    assert.isFalse(await breakerStatus('info', '510104'))

    const again = await submitForm(client, `/admin/moderation/breakers/${city.id}/reset`, { reason: '再次' }, admin)
    assert.equal(again.flashMessages().error, '该熔断已解除')

    const resets = await AuditEntry.query().where('action', 'moderation.breaker_reset').orderBy('id')
    assert.deepEqual(
      resets.map((row) => [row.countyCode, (row.changes as any).reason.new, row.actorId]),
      [
        ['510104', '已核查处理', admin.id],
        ['510100', '全市恢复', admin.id],
      ]
    )
    assert.isFalse((await CircuitBreaker.findOrFail(county.id)).tripped)
  })
})
