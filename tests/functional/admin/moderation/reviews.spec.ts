import { test } from '@japa/runner'
import '#tests/fixtures/moderation/stand_in_modules'
import db from '@adonisjs/lucid/services/db'
import edge from 'edge.js'
import i18nManager from '@adonisjs/i18n/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEntry from '#core/audit/audit_entry'
import { RegionScope } from '#core/regions/region_scope'
import { ModerationWord, ReviewItem } from '#core/moderation/models'
import { breakerStatus, holdForReview, onReviewDecision, screen, type ModeratedModule } from '#core/moderation/moderation'
import { actingAs } from '#core/accounts/acting'
import { tripBreaker } from '#core/moderation/breakers'
import { assertRedirect, createUser, submitForm, submitHtmxForm } from '#tests/helpers'

/** Decisions the test subject type received, in order. */
const decisions: [number, string, number, string | null][] = []
onReviewDecision('test.review_note', async (_trx, subjectId, decision, reviewer, reason) => {
  decisions.push([subjectId, decision, reviewer.id, reason])
})

async function held(countyCode: string, text: string, options: { module?: ModeratedModule; subjectId?: number; subjectType?: string } = {}) {
  const id = await db.transaction((trx) =>
    holdForReview(trx, {
      module: options.module ?? 'experts',
      subjectType: options.subjectType ?? 'test.review_note',
      subjectId: options.subjectId ?? Math.floor(Math.random() * 1e9),
      countyCode,
      text,
      categories: ['gambling'],
    })
  )
  return ReviewItem.findOrFail(id)
}

const staffOf = (scope: string) => createUser({ roles: ['center_staff'], scopes: { center_staff: scope }, county: scope.padEnd(6, '0') })

test.group('Admin / moderation reviews', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    decisions.length = 0
  })

  test('staff see the pending items of their own county only; the city admin sees both; fragment filters by module', async ({ client, assert }) => {
    await held('510104', '锦江区的六合彩帖子')
    await held('510105', '青羊区的六合彩帖子')
    await held('510104', '锦江区产业信息里的赌博', { module: 'info' })
    const staff = await staffOf('510104')

    const page = await client.get('/admin/moderation/reviews').loginAs(staff)
    page.assertStatus(200)
    assert.include(page.text(), '<html')
    assert.include(page.text(), '锦江区的六合彩帖子')
    assert.include(page.text(), '待审核 2 条')
    assert.notInclude(page.text(), '青羊区的六合彩帖子')

    const city = await createUser({ roles: ['center_admin'], scopes: { center_admin: '5101' } })
    const fragment = await client.get('/admin/moderation/reviews?module=experts').header('HX-Request', 'true').loginAs(city)
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '锦江区的六合彩帖子')
    assert.include(fragment.text(), '青羊区的六合彩帖子')
    assert.notInclude(fragment.text(), '锦江区产业信息里的赌博')
  })

  test('staff of 510104 never see or decide a 510105 item (404), and nothing changes', async ({ client, assert }) => {
    const other = await held('510105', '青羊区的帖子')
    const staff = await staffOf('510104')
    ;(await client.get(`/admin/moderation/reviews/${other.id}`).loginAs(staff)).assertStatus(404)
    const post = await submitForm(client, `/admin/moderation/reviews/${other.id}/decision`, { decision: 'approved' }, staff)
    post.assertStatus(404)
    const htmx = await submitHtmxForm(client, `/admin/moderation/reviews/${other.id}/decision`, { decision: 'rejected' }, staff)
    htmx.assertStatus(404)
    assert.notInclude(htmx.text(), '青羊区的帖子')
    assert.equal((await ReviewItem.findOrFail(other.id)).status, 'pending')
    assert.deepEqual(decisions, [])
    assert.isNull(await AuditEntry.findBy('action', 'moderation.review_approve'))
  })

  test('staff reach the queue from the home page, administrators also from the admin page', async ({ client, assert }) => {
    const staff = await staffOf('510104')
    const home = await client.get('/').loginAs(staff)
    assert.include(home.text(), 'href="/admin/moderation/reviews"')
    const farmerHome = await client.get('/').loginAs(await createUser())
    assert.notInclude(farmerHome.text(), '/admin/moderation')

    const cityAdmin = await createUser({ roles: ['center_admin'], scopes: { center_admin: '5101' } })
    const adminPage = await client.get('/admin/roles').loginAs(cityAdmin)
    assert.include(adminPage.text(), 'href="/admin/moderation/reviews"')
    assert.include(adminPage.text(), 'href="/admin/moderation/breakers"')
    assert.notInclude(adminPage.text(), 'href="/admin/moderation/words"')
    const platform = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    assert.include((await client.get('/admin/roles').loginAs(platform)).text(), 'href="/admin/moderation/words"')
  })

  test('people without a centre role get 403', async ({ client }) => {
    const item = await held('510104', '帖子')
    for (const user of [await createUser(), await createUser({ roles: ['expert'] })]) {
      ;(await client.get('/admin/moderation/reviews').loginAs(user)).assertStatus(403)
      ;(await submitForm(client, `/admin/moderation/reviews/${item.id}/decision`, { decision: 'approved' }, user)).assertStatus(403)
    }
  })

  test('the detail page shows the whole 10,000-character text with its categories and the decision form', async ({ client, assert }) => {
    const long = '玉米叶子发黄怎么办，'.repeat(998) + '最后一句<b>赌博</b>'.padStart(20, '。')
    assert.lengthOf(long, 10_000)
    const item = await held('510104', long)
    const staff = await staffOf('510104')
    const page = await client.get(`/admin/moderation/reviews/${item.id}`).loginAs(staff)
    page.assertStatus(200)
    assert.include(page.text(), '最后一句&lt;b&gt;赌博&lt;/b&gt;')
    assert.include(page.text(), '赌博</span>')
    assert.include(page.text(), 'value="approved"')

    const list = await client.get('/admin/moderation/reviews').loginAs(staff)
    assert.notInclude(list.text(), '最后一句')
  })

  test('approving without JavaScript runs the owner’s handler, audits, and returns to the queue', async ({ client, assert }) => {
    const item = await held('510104', '六合彩', { subjectId: 501 })
    const staff = await staffOf('510104')
    const response = await submitForm(client, `/admin/moderation/reviews/${item.id}/decision?module=experts&page=1`, { decision: 'approved', reason: '' }, staff)
    assertRedirect(response, '/admin/moderation/reviews?module=experts&page=1')
    assert.equal(response.flashMessages().success, '已通过，内容现在对他人可见')
    assert.deepEqual(decisions, [[501, 'approved', staff.id, null]])

    const entry = await AuditEntry.findByOrFail('action', 'moderation.review_approve')
    assert.deepInclude(entry.$attributes, { actorId: staff.id, actorRole: 'center_staff', subjectType: 'test.review_note', subjectId: '501', countyCode: '510104' })

    const again = await submitForm(client, `/admin/moderation/reviews/${item.id}/decision`, { decision: 'rejected' }, staff)
    assert.equal(again.flashMessages().error, '这条内容已由其他人审核')
    assert.lengthOf(decisions, 1)
  })

  test('rejecting through htmx answers with the refreshed queue and its status line', async ({ client, assert }) => {
    const item = await held('510104', '要驳回的帖子', { subjectId: 502 })
    await held('510104', '还在等待的帖子')
    const admin = await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } })
    const response = await submitHtmxForm(client, `/admin/moderation/reviews/${item.id}/decision?page=1`, { decision: 'rejected', reason: '含赌博广告' }, admin)
    response.assertStatus(200)
    assert.notInclude(response.text(), '<html')
    assert.include(response.text(), '已驳回')
    assert.notInclude(response.text(), '要驳回的帖子')
    assert.include(response.text(), '还在等待的帖子')
    assert.deepEqual(decisions, [[502, 'rejected', admin.id, '含赌博广告']])
    assert.equal((await ReviewItem.findOrFail(item.id)).decisionReason, '含赌博广告')
    const entry = await AuditEntry.findByOrFail('action', 'moderation.review_reject')
    assert.equal((entry.changes as any).reason.new, '含赌博广告')
  })

  test('a bad decision or an over-long reason is refused in Chinese; an unreviewable type says so', async ({ client, assert }) => {
    const item = await held('510104', '帖子')
    const staff = await staffOf('510104')
    const bad = await submitHtmxForm(client, `/admin/moderation/reviews/${item.id}/decision`, { decision: 'maybe', reason: '长'.repeat(201) }, staff)
    bad.assertStatus(422)
    assert.include(bad.text(), '请选择有效的审核结果')
    assert.include(bad.text(), '原因不能超过 200 个字')

    const orphan = await held('510104', '无人认领', { subjectType: 'test.nobody_owns_this' })
    const response = await submitForm(client, `/admin/moderation/reviews/${orphan.id}/decision`, { decision: 'approved' }, staff)
    assert.equal(response.flashMessages().error, '这类内容暂时无法审核，请联系平台管理员')
    assert.equal((await ReviewItem.findOrFail(orphan.id)).status, 'pending')
    assert.equal((await ReviewItem.findOrFail(item.id)).status, 'pending')
  })
})

test.group('Moderation / a held item is invisible to the public until approved', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('held for its words: the public list lacks it until a reviewer approves', async ({ client, assert }) => {
    // A stand-in for a module's table of dynamic content (rolled back with the test).
    await db.rawQuery(`CREATE TABLE test_notes (id serial PRIMARY KEY, county_code varchar(6), body text, moderation varchar(8) NOT NULL)`)
    onReviewDecision('test.note_visibility', async (trx, subjectId, decision) => {
      await trx.from('test_notes').where('id', subjectId).update({ moderation: decision === 'approved' ? 'pass' : 'rejected' })
    })
    const publicNotes = async () => (await db.from('test_notes').where('moderation', 'pass').orderBy('id')).map((row) => row.body)
    await ModerationWord.create({ word: '六合彩', normalized: '六合彩', category: 'gambling', action: 'hold' } as any)

    // What a module does when someone publishes.
    const publish = (countyCode: string, body: string) =>
      db.transaction(async (trx) => {
        const result = await screen({ module: 'info', countyCode, text: body }, trx)
        if (result.verdict === 'block') return null
        const [row] = await trx
          .table('test_notes')
          .insert({ county_code: countyCode, body, moderation: result.verdict === 'pass' ? 'pass' : 'held' })
          .returning('id')
        if (result.verdict === 'hold') {
          await holdForReview(trx, { module: 'info', subjectType: 'test.note_visibility', subjectId: row.id, countyCode, text: body, categories: result.categories })
        }
        return row.id
      })

    await publish('510104', '猕猴桃溃疡病怎么防')
    await publish('510104', '猕猴桃溃疡病怎么防，顺便买六 合 彩')
    assert.deepEqual(await publicNotes(), ['猕猴桃溃疡病怎么防'])

    const staff = await staffOf('510104')
    const item = await ReviewItem.findByOrFail('subjectType', 'test.note_visibility')
    assert.deepEqual(item.categories, ['gambling'])
    await submitForm(client, `/admin/moderation/reviews/${item.id}/decision`, { decision: 'approved' }, staff)
    assert.deepEqual(await publicNotes(), ['猕猴桃溃疡病怎么防', '猕猴桃溃疡病怎么防，顺便买六 合 彩'])
  })

  test('held by a tripped 510104 breaker: 510104 content waits, 510105 content is public at once', async ({ assert }) => {
    const admin = await actingAs(await createUser({ roles: ['platform_admin'], scopes: { platform_admin: '51' } }), null)
    await tripBreaker(admin, { module: 'experts', scope: RegionScope.fromPrefix('510104'), reason: '测试' })
    const jinjiang = await screen({ module: 'experts', countyCode: '510104', text: '柑橘黄龙病' })
    const qingyang = await screen({ module: 'experts', countyCode: '510105', text: '柑橘黄龙病' })
    assert.deepEqual([jinjiang.verdict, jinjiang.breakerTripped], ['hold', true])
    assert.deepEqual([qingyang.verdict, qingyang.breakerTripped], ['pass', false])
  })

  test('the public notices render in calm Chinese', async ({ assert }) => {
    const i18n = i18nManager.locale('zh-CN')
    const renderer = edge.createRenderer().share({ i18n, t: i18n.t.bind(i18n) })
    const notice = await renderer.render('components/moderation/breaker_notice', { tripped: true })
    assert.include(notice, '本地区新内容需审核后显示，请耐心等待')
    assert.notInclude(await renderer.render('components/moderation/breaker_notice', { tripped: false }), '审核')
    assert.include(await renderer.render('components/moderation/held_note', { status: 'held' }), '内容审核中，通过后对他人可见')
    assert.notInclude(await renderer.render('components/moderation/held_note', { status: 'pass' }), '审核')
    assert.isFalse(await breakerStatus('experts', '510104'))
  })
})
