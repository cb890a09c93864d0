import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEntry from '#core/audit/audit_entry'
import { actingAs } from '#core/accounts/acting'
import { todayIso } from '#core/clock'
import { suspendRegion } from '#core/regions/participation'
import Notification from '#core/notifications/notification'
import { detectOutbreaks } from '#modules/admin/outbreaks/outbreak_actions'
import OutbreakAlert from '#modules/admin/outbreaks/outbreak_alert'
import { KIWI_CANKER } from '#tests/fixtures/achievements/drafts'
import { kiwiCankerIn, raisedAlert } from '#tests/fixtures/admin/outbreaks'
import { staffOf } from '#tests/fixtures/experts/consultations'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'

const told = (userId: number, kind: string) => Notification.query().where('user_id', userId).where('kind', kind)

test.group('Admin / outbreaks / detection', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a burst of alike cases in a county with no history raises one alert, told to the county and city centres; never twice', async ({ assert }) => {
    const jinjiang = await staffOf('510104')
    const chengdu = await staffOf('5101')
    const qingyang = await staffOf('510105')
    const cases = await kiwiCankerIn(0)
    const [alert, ...others] = await detectOutbreaks()
    assert.lengthOf(others, 0)
    assert.equal(alert.countyCode, '510104')
    assert.equal(alert.industryCode, 'fruit')
    assert.deepEqual(alert.caseIds, cases.map((item) => Number(item.id)))
    assert.equal(alert.caseCount, 3)
    assert.deepEqual(alert.earlierCounts, [0, 0, 0])
    assert.include(alert.terms.join(' '), '猕猴桃')
    for (const person of [jinjiang, chengdu]) {
      const [notice] = await told(person.id, 'admin.outbreak_alert')
      assert.include(notice.title, '疫情预警：成都市 锦江区 川果近期 3 条相似咨询')
      assert.equal(notice.link, `/admin/outbreaks/${alert.id}`)
    }
    assert.lengthOf(await told(qingyang.id, 'admin.outbreak_alert'), 0)
    assert.lengthOf(await detectOutbreaks(), 0, 'already raised')
  })

  test('no alert on a seasonal normal (the same cases every year in these days) nor on two cases', async ({ assert }) => {
    for (const years of [0, 1, 2, 3]) await kiwiCankerIn(years)
    await kiwiCankerIn(0, '510105', KIWI_CANKER.slice(0, 2))
    assert.lengthOf(await detectOutbreaks(), 0)
    // The same week over a history of one such case a year is a burst.
    await kiwiCankerIn(0, '510106')
    for (const years of [1, 2, 3]) await kiwiCankerIn(years, '510106', KIWI_CANKER.slice(0, 1))
    const [alert, ...others] = await detectOutbreaks()
    assert.lengthOf(others, 0)
    assert.equal(alert.countyCode, '510106')
    assert.deepEqual(alert.earlierCounts, [1, 1, 1])
  })
})

test.group('Admin / outbreaks / pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the county centre lists (page, htmx) and opens its alert with the cases; another county sees nothing (404), others 403', async ({ client, assert }) => {
    const alert = await raisedAlert()
    const jinjiang = await staffOf('510104')
    const page = await client.get('/admin/outbreaks').loginAs(jinjiang)
    page.assertStatus(200)
    assert.include(page.text(), `/admin/outbreaks/${alert.id}`)
    assert.include(page.text(), '本期 3 条，往年同期平均 0.0 条')
    const fragment = await client.get('/admin/outbreaks').header('hx-request', 'true').loginAs(jinjiang)
    assert.include(fragment.text(), `/admin/outbreaks/${alert.id}`)
    assert.notInclude(fragment.text(), '<html')
    const show = await client.get(`/admin/outbreaks/${alert.id}`).loginAs(jinjiang)
    show.assertStatus(200)
    for (const id of alert.caseIds) assert.include(show.text(), `/consultations/${id}"`)
    assert.include(show.text(), '溃疡')
    assert.include(show.text(), '确认预警')

    const qingyang = await staffOf('510105')
    assert.include((await client.get('/admin/outbreaks').loginAs(qingyang)).text(), '暂时没有疫情预警')
    ;(await client.get(`/admin/outbreaks/${alert.id}`).loginAs(qingyang)).assertStatus(404)
    ;(await submitForm(client, `/admin/outbreaks/${alert.id}/confirm`, {}, qingyang)).assertStatus(404)
    ;(await submitForm(client, `/admin/outbreaks/${alert.id}/dismiss`, { reason: '误报' }, qingyang)).assertStatus(404)
    assert.equal((await OutbreakAlert.findOrFail(alert.id)).status, 'open')
    ;(await client.get('/admin/outbreaks').loginAs(await createUser({ roles: ['market_entity'] }))).assertStatus(403)
  })

  test('confirming (no-JS post) tells the verified experts of the industry in the city, audited; a second decision is refused', async ({ client, assert }) => {
    const alert = await raisedAlert()
    const city = await staffOf('5101')
    const fruit = await makeExpert({ county: '510106', industries: ['fruit'] })
    const grain = await makeExpert({ county: '510104', industries: ['grain_oil'] })
    const elsewhere = await makeExpert({ county: '510302', industries: ['fruit'] })
    const response = await submitForm(client, `/admin/outbreaks/${alert.id}/confirm`, {}, city)
    assertRedirect(response, `/admin/outbreaks/${alert.id}`)
    const saved = await OutbreakAlert.findOrFail(alert.id)
    assert.equal(saved.status, 'confirmed')
    assert.equal(saved.expertsTold, 1)
    const [notice] = await told(fruit.user.id, 'admin.outbreak_confirmed')
    assert.include(notice.title, '运管中心确认疫情预警')
    assert.include(notice.body, '溃疡')
    assert.isNull(notice.link, 'the alert page is the centres\'')
    assert.lengthOf(await told(grain.user.id, 'admin.outbreak_confirmed'), 0)
    assert.lengthOf(await told(elsewhere.user.id, 'admin.outbreak_confirmed'), 0)
    const [entry] = await AuditEntry.query().where('action', 'outbreak.confirm')
    assert.equal(entry.actorId, city.id)
    assert.equal(entry.subjectId, String(alert.id))
    const again = await submitForm(client, `/admin/outbreaks/${alert.id}/dismiss`, { reason: '误报' }, city)
    assert.deepEqual(fieldErrors(again, 'form'), ['该预警已被处理，请刷新后查看'])
    assert.equal((await OutbreakAlert.findOrFail(alert.id)).status, 'confirmed')
  })

  test('while the alert\'s county is suspended its staff open it but neither confirm nor dismiss it (403); its city decides', async ({ client, assert }) => {
    const alert = await raisedAlert()
    const platform = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    await suspendRegion(await actingAs(platform, null), { regionCode: alert.countyCode, reason: '未落实配套经费', fromDay: todayIso() })
    const county = await staffOf(alert.countyCode)
    ;(await client.get(`/admin/outbreaks/${alert.id}`).loginAs(county)).assertStatus(200)
    ;(await submitForm(client, `/admin/outbreaks/${alert.id}/confirm`, {}, county)).assertStatus(403)
    ;(await submitForm(client, `/admin/outbreaks/${alert.id}/dismiss`, { reason: '误报' }, county)).assertStatus(403)
    assert.equal((await OutbreakAlert.findOrFail(alert.id)).status, 'open')
    assertRedirect(await submitForm(client, `/admin/outbreaks/${alert.id}/dismiss`, { reason: '误报' }, await staffOf(alert.countyCode.slice(0, 4))), `/admin/outbreaks/${alert.id}`)
  })

  test('dismissing needs a reason (Chinese message, nothing stored); with one, htmx answers the decided alert, audited', async ({ client, assert }) => {
    const alert = await raisedAlert()
    const jinjiang = await staffOf('510104')
    const empty = await submitForm(client, `/admin/outbreaks/${alert.id}/dismiss`, { reason: ' ' }, jinjiang)
    assert.deepEqual(fieldErrors(empty, 'reason'), ['请填写排除理由'])
    assert.equal((await OutbreakAlert.findOrFail(alert.id)).status, 'open')
    assert.lengthOf(await AuditEntry.query().where('action', 'outbreak.dismiss'), 0)

    const done = await submitHtmxForm(client, `/admin/outbreaks/${alert.id}/dismiss`, { reason: '同一农户重复提问' }, jinjiang)
    done.assertStatus(200)
    assert.include(done.text(), '已排除该预警')
    assert.include(done.text(), '排除理由：同一农户重复提问')
    assert.notInclude(done.text(), '<html')
    const saved = await OutbreakAlert.findOrFail(alert.id)
    assert.equal(saved.status, 'dismissed')
    assert.equal(saved.dismissReason, '同一农户重复提问')
    const [entry] = await AuditEntry.query().where('action', 'outbreak.dismiss')
    assert.deepEqual(entry.changes, { reason: { old: null, new: '同一农户重复提问' } })
  })
})
