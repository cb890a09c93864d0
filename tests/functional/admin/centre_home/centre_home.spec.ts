import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser } from '#tests/helpers'
import { makeCase, staffOf } from '#tests/fixtures/experts/consultations'

/** The tab bar's 管理 link, with what its badge says (null: no badge). */
function managementTab(html: string) {
  const tab = /<a href="\/admin"[^>]*>.*?<\/a>/s.exec(html.slice(html.indexOf('<nav class="tabbar"')))
  if (!tab) return undefined
  return /<span aria-hidden="true">(\d+\+?)<\/span>/.exec(tab[0])?.[1] ?? null
}

test.group('管理: the centre desk and its tab', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('centre staff get the 管理 tab with the count of cases waiting for triage in their scope only', async ({ client, assert }) => {
    await makeCase({ county: '510104', state: 'awaiting_triage' })
    await makeCase({ county: '510104', state: 'awaiting_triage' })
    await makeCase({ county: '510104', state: 'answering' })
    await makeCase({ county: '510105', state: 'awaiting_triage' })

    const home = (await client.get('/').loginAs(await staffOf('510104'))).text()
    assert.equal(managementTab(home), '2')
    assert.match(home, /<a href="\/triage">分诊台\s*<span class="badge"><span aria-hidden="true">2<\/span><span class="visually-hidden">2 件待处理<\/span><\/span>\s*<\/a>/)

    assert.equal(managementTab((await client.get('/').loginAs(await staffOf('510105'))).text()), '1', 'another county counts its own')
    assert.equal(managementTab((await client.get('/').loginAs(await staffOf('510106'))).text()), null, 'nothing waiting: no badge')
    assert.equal(managementTab((await client.get('/').loginAs(await staffOf('5101', 'center_admin'))).text()), '3', 'a city admin counts its counties')
  })

  test('the desk lists the centre links with their counts; an admin also sees roles and the audit log', async ({ client, assert }) => {
    await makeCase({ county: '510104', state: 'awaiting_triage' })
    const staffDesk = await client.get('/admin').loginAs(await staffOf('510104'))
    staffDesk.assertStatus(200)
    for (const path of ['/triage', '/admin/moderation/reviews', '/admin/visits', '/admin/experts/followups', '/admin/experts/statistics']) staffDesk.assertTextIncludes(`href="${path}"`)
    assert.notInclude(staffDesk.text(), 'href="/admin/roles"', 'granting roles is for administrators')
    assert.match(staffDesk.text(), /<a href="\/admin"\s*aria-current="page"/)

    const adminDesk = (await client.get('/admin').loginAs(await staffOf('510104', 'center_admin'))).text()
    assert.include(adminDesk, 'href="/admin/roles"')
    assert.include(adminDesk, 'href="/admin/audit"')
  })

  test('farmers and experts get no tab, and 403 at /admin; guests go to login', async ({ client, assert }) => {
    const farmer = await createUser({ county: '510104', roles: ['farmer'] })
    assert.isUndefined(managementTab((await client.get('/').loginAs(farmer)).text()))
    ;(await client.get('/admin').loginAs(farmer)).assertStatus(403)
    ;(await client.get('/admin').loginAs(await createUser({ roles: ['expert'] }))).assertStatus(403)
    const guest = await client.get('/admin').redirects(0)
    guest.assertStatus(302)
    assert.include(guest.header('location'), '/login')
  })
})
