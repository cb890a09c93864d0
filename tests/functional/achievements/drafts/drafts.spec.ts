import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Notification from '#core/notifications/notification'
import { actingAs } from '#core/accounts/acting'
import { todayIso } from '#core/clock'
import { suspendRegion } from '#core/regions/participation'
import DemandDraft from '#modules/achievements/models/demand_draft'
import TechDemand from '#modules/achievements/models/tech_demand'
import { proposeDemandDrafts } from '#modules/achievements/drafts/draft_actions'
import { similarCaseClusters } from '#modules/experts/public'
import { DateTime } from 'luxon'
import { createUser, fieldErrors } from '#tests/helpers'
import { centreStaff } from '#tests/fixtures/achievements/platforms'
import { KIWI_CANKER, makeCases, UNRELATED } from '#tests/fixtures/achievements/drafts'
import { demandForm } from '#tests/fixtures/achievements/listings'

const since = () => DateTime.now().minus({ days: 60 })

test.group('Achievements / draft demands from clusters of similar consultations', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('experts\' similarCaseClusters: three like questions of one county are a cluster; unrelated ones, and two alike elsewhere, are not', async ({ assert }) => {
    const kiwi = await makeCases(KIWI_CANKER)
    await makeCases(UNRELATED, '510104', 'grain_oil')
    await makeCases(KIWI_CANKER.slice(0, 2), '510105')
    const clusters = await similarCaseClusters({ since: since() })
    assert.lengthOf(clusters, 1)
    assert.equal(clusters[0].countyCode, '510104')
    assert.equal(clusters[0].industry, 'fruit')
    assert.deepEqual(clusters[0].caseIds, kiwi.map((item) => Number(item.id)))
    assert.equal(clusters[0].unsolved, 3)
    assert.include(clusters[0].terms.join(' '), '猕猴桃')
    assert.lengthOf(clusters[0].excerpts, 3)
    assert.lengthOf(await similarCaseClusters({ since: since(), countyCode: '510105' }), 0)
    assert.lengthOf(await similarCaseClusters({ since: DateTime.now().plus({ days: 1 }) }), 0, 'outside the window')
  })

  test('the job proposes one draft per cluster to the county centre, told in-site, and never the same cases twice', async ({ assert }) => {
    const kiwi = await makeCases(KIWI_CANKER)
    await makeCases(UNRELATED, '510104', 'grain_oil')
    const jinjiang = await centreStaff('510104')
    const qingyang = await centreStaff('510105')
    const [draft, ...others] = await proposeDemandDrafts()
    assert.lengthOf(others, 0)
    assert.equal(draft.countyCode, '510104')
    assert.deepEqual(draft.caseIds, kiwi.map((item) => Number(item.id)))
    assert.include(draft.title, '猕猴桃')
    assert.include(draft.description, '3 条相似的农户咨询')
    assert.include(draft.description, '溃疡')
    assert.lengthOf(await Notification.query().where('user_id', jinjiang.id).where('kind', 'achievements.demand_draft'), 1)
    assert.lengthOf(await Notification.query().where('user_id', qingyang.id), 0)
    assert.lengthOf(await proposeDemandDrafts(), 0, 'already proposed')
    assert.lengthOf(await DemandDraft.all(), 1)
  })

  test('the centre lists its drafts (page, htmx), edits and publishes one as its demand (no-JS post); another county sees nothing, others 403', async ({ client, assert }) => {
    await makeCases(KIWI_CANKER)
    const [draft] = await proposeDemandDrafts()
    const jinjiang = await centreStaff('510104')
    const page = await client.get('/admin/achievements/drafts').loginAs(jinjiang)
    page.assertStatus(200)
    assert.include(page.text(), draft.title)
    assert.include(page.text(), '3 条相似咨询，3 条尚未解决')
    const fragment = await client.get('/admin/achievements/drafts').header('hx-request', 'true').loginAs(jinjiang)
    assert.include(fragment.text(), draft.title)
    assert.notInclude(fragment.text(), '<html')
    const form = await client.get(`/admin/achievements/drafts/${draft.id}`).loginAs(jinjiang)
    assert.include(form.text(), `action="/admin/achievements/drafts/${draft.id}/publish"`)
    assert.include(form.text(), draft.title)

    const qingyang = await centreStaff('510105')
    assert.include((await client.get('/admin/achievements/drafts').loginAs(qingyang)).text(), '暂时没有需求草稿')
    ;(await client.get(`/admin/achievements/drafts/${draft.id}`).loginAs(qingyang)).assertStatus(404)
    const foreign = await client.post(`/admin/achievements/drafts/${draft.id}/publish`).form(demandForm()).withCsrfToken().redirects(0).loginAs(qingyang)
    foreign.assertStatus(404)
    ;(await client.get('/admin/achievements/drafts').loginAs(await createUser({ roles: ['market_entity'] }))).assertStatus(403)

    const published = await client
      .post(`/admin/achievements/drafts/${draft.id}/publish`)
      .form(demandForm({ title: '猕猴桃溃疡病综合防治技术', county_code: '510104' }))
      .header('accept', 'text/html')
      .withCsrfToken()
      .redirects(0)
      .loginAs(jinjiang)
    published.assertStatus(302)
    const demand = await TechDemand.findByOrFail('title', '猕猴桃溃疡病综合防治技术')
    published.assertHeader('location', `/achievements/demands/${demand.id}`)
    assert.equal(demand.ownerId, jinjiang.id)
    assert.equal(demand.status, 'published')
    await draft.refresh()
    assert.equal(draft.status, 'published')
    assert.equal(draft.demandId, demand.id)
    assert.equal(draft.decidedBy, jinjiang.id)
    assert.include((await client.get('/admin/achievements/drafts').loginAs(jinjiang)).text(), '暂时没有需求草稿')
    ;(await client.get(`/admin/achievements/drafts/${draft.id}`).loginAs(jinjiang)).assertStatus(404)
  })

  test('dismissed by htmx (the entry becomes the status line) or without JavaScript (back to the list); bad input keeps the draft', async ({ client, assert }) => {
    await makeCases(KIWI_CANKER)
    await makeCases(KIWI_CANKER, '510105')
    const drafts = await proposeDemandDrafts()
    const jinjiang = await centreStaff('510104')
    const city = await centreStaff('5101')
    const [mine, theirs] = drafts.sort((a, b) => a.countyCode.localeCompare(b.countyCode))

    const post = (form: Record<string, string>) =>
      client.post(`/admin/achievements/drafts/${mine.id}/publish`).form(demandForm(form)).header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(jinjiang)
    assert.match(fieldErrors(await post({ county_code: '510104', budget_min: '9000', budget_max: '100' }), 'budget_max').join(' '), /\p{Script=Han}/u)
    assert.include(fieldErrors(await post({ county_code: '510129' }), 'county_code').join(' '), '需求所在区县须在本中心管辖范围内')
    assert.lengthOf(await TechDemand.all(), 0)
    await mine.refresh()
    assert.equal(mine.status, 'proposed')

    const htmx = await client.post(`/admin/achievements/drafts/${mine.id}/dismiss`).header('hx-request', 'true').withCsrfToken().loginAs(jinjiang)
    htmx.assertStatus(200)
    assert.include(htmx.text(), '已不采用这份草稿')
    await mine.refresh()
    assert.equal(mine.status, 'dismissed')
    ;(await client.post(`/admin/achievements/drafts/${mine.id}/dismiss`).withCsrfToken().redirects(0).loginAs(jinjiang)).assertStatus(404)

    const plain = await client.post(`/admin/achievements/drafts/${theirs.id}/dismiss`).header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(city)
    plain.assertStatus(302)
    plain.assertHeader('location', '/admin/achievements/drafts')
    await theirs.refresh()
    assert.equal(theirs.status, 'dismissed')
    assert.lengthOf(await proposeDemandDrafts(), 0, 'dismissed cases are not proposed again')
  })

  test('a suspended county still lists its drafts but may not edit, publish or dismiss one (403); its city dismisses it', async ({ client, assert }) => {
    await makeCases(KIWI_CANKER)
    const [draft] = await proposeDemandDrafts()
    const platform = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    await suspendRegion(await actingAs(platform, null), { regionCode: '510104', reason: '未落实配套经费', fromDay: todayIso() })
    const jinjiang = await centreStaff('510104')
    ;(await client.get('/admin/achievements/drafts').loginAs(jinjiang)).assertStatus(200)
    ;(await client.get(`/admin/achievements/drafts/${draft.id}`).loginAs(jinjiang)).assertStatus(403)
    ;(await client.post(`/admin/achievements/drafts/${draft.id}/publish`).form(demandForm({ county_code: '510104' })).withCsrfToken().redirects(0).loginAs(jinjiang)).assertStatus(403)
    ;(await client.post(`/admin/achievements/drafts/${draft.id}/dismiss`).withCsrfToken().redirects(0).loginAs(jinjiang)).assertStatus(403)
    await draft.refresh()
    assert.equal(draft.status, 'proposed')
    assert.lengthOf(await TechDemand.all(), 0)
    ;(await client.post(`/admin/achievements/drafts/${draft.id}/dismiss`).header('accept', 'text/html').withCsrfToken().redirects(0).loginAs(await centreStaff('5101'))).assertStatus(302)
    await draft.refresh()
    assert.equal(draft.status, 'dismissed')
  })
})
