import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { clock, DAY } from '#core/clock'
import Notification from '#core/notifications/notification'
import Bounty from '#modules/achievements/models/bounty'
import BountyClaim from '#modules/achievements/models/bounty_claim'
import { sweepBountyDeadlines } from '#modules/achievements/bounties/bounty_actions'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { marketEntity } from '#tests/fixtures/achievements/listings'
import { bountyForm, makeBounty } from '#tests/fixtures/achievements/bounties'

const PROPOSAL = { proposal: '我在大邑做猕猴桃修剪指导十年，可以下周上门三天，带清园药剂方案。' }
const fruitExpert = (name = '李研究员') => makeExpert({ name, county: '510129', industries: ['fruit'] })
const eventsOf = (bounty: Bounty) => db.from('achievements_bounty_events').where('bounty_id', bounty.id).orderBy('id').select('from_status', 'to_status')

test.group('Achievements / 你发榜我抢单: the whole flow', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('post → grab by two qualified experts → owner picks → negotiate → fees agree → both rate → done', async ({ client, assert }) => {
    const entity = await marketEntity()
    const form = await client.get('/achievements/bounties/new').loginAs(entity)
    form.assertStatus(200)
    assert.include(form.text(), '不经手任何款项')
    const posted = await submitForm(client, '/achievements/bounties', bountyForm(), entity)
    const bounty = await Bounty.findByOrFail('ownerId', entity.id)
    assertRedirect(posted, `/achievements/bounties/${bounty.id}`)
    assert.equal(bounty.status, 'open')
    const board = await client.get('/achievements/bounties')
    assert.include(board.text(), `/achievements/bounties/${bounty.id}`)
    assert.include(board.text(), '不经手任何款项')

    const first = await fruitExpert('李研究员')
    const second = await fruitExpert('张站长')
    const grabbed = await submitForm(client, `/achievements/bounties/${bounty.id}/grab`, PROPOSAL, first.user)
    assertRedirect(grabbed, `/achievements/bounties/${bounty.id}`)
    const htmxGrab = await submitHtmxForm(client, `/achievements/bounties/${bounty.id}/grab`, PROPOSAL, second.user)
    htmxGrab.assertStatus(200)
    assert.include(htmxGrab.text(), '已抢单，等待发榜方选定')
    assert.include(htmxGrab.text(), 'id="bounty-panel"')
    assert.lengthOf(await Notification.query().where('user_id', entity.id).where('kind', 'achievements.bounty'), 2)

    const ownerPage = await client.get(`/achievements/bounties/${bounty.id}`).loginAs(entity)
    assert.include(ownerPage.text(), '选定 李研究员')
    assert.include(ownerPage.text(), '选定 张站长')
    const firstClaim = await BountyClaim.query().where({ bounty_id: bounty.id, expert_user_id: first.user.id }).firstOrFail()
    // Only the owner picks: the other expert's attempt is 404 and changes nothing.
    ;(await submitForm(client, `/achievements/bounties/${bounty.id}/pick`, { claim_id: String(firstClaim.id) }, second.user)).assertStatus(404)
    assertRedirect(await submitForm(client, `/achievements/bounties/${bounty.id}/pick`, { claim_id: String(firstClaim.id) }, entity), `/achievements/bounties/${bounty.id}`)
    await bounty.refresh()
    assert.equal(bounty.status, 'claimed')
    assert.equal(bounty.claimId, firstClaim.id)
    assert.lengthOf(await Notification.query().where('user_id', first.user.id).where('kind', 'achievements.bounty'), 1)
    // The expert not chosen may not take the next step.
    const notChosen = await submitForm(client, `/achievements/bounties/${bounty.id}/negotiate`, {}, second.user)
    assert.include(fieldErrors(notChosen, 'form').join(' '), '只有发榜方和选定的专家')

    assertRedirect(await submitForm(client, `/achievements/bounties/${bounty.id}/negotiate`, {}, first.user), `/achievements/bounties/${bounty.id}`)
    await submitForm(client, `/achievements/bounties/${bounty.id}/fee`, { fee: '5000' }, entity)
    await bounty.refresh()
    assert.equal(bounty.status, 'negotiating', 'one fee is not yet an agreement')
    await submitHtmxForm(client, `/achievements/bounties/${bounty.id}/fee`, { fee: '5000.00' }, first.user)
    await bounty.refresh()
    assert.equal(bounty.status, 'agreed')
    assert.isFalse(bounty.feeMismatch)
    assert.equal(bounty.ownerFeeFen, 500000)

    await submitForm(client, `/achievements/bounties/${bounty.id}/rate`, { rating: '5' }, entity)
    const twice = await submitForm(client, `/achievements/bounties/${bounty.id}/rate`, { rating: '4' }, entity)
    assert.include(fieldErrors(twice, 'rating').join(' '), '您已经评价过了')
    const last = await submitHtmxForm(client, `/achievements/bounties/${bounty.id}/rate`, { rating: '4' }, first.user)
    assert.include(last.text(), '双方已互评，本榜单已完成')
    await bounty.refresh()
    assert.equal(bounty.status, 'done')
    assert.equal(bounty.ownerRating, 5)
    assert.equal(bounty.expertRating, 4)
    assert.deepEqual(
      (await eventsOf(bounty)).map((event) => `${event.from_status ?? ''}→${event.to_status}`),
      ['→open', 'open→claimed', 'claimed→negotiating', 'negotiating→agreed', 'agreed→done']
    )
    // Done is done: a cancel is refused.
    const cancel = await submitForm(client, `/achievements/bounties/${bounty.id}/cancel`, { reason: '不想要了' }, entity)
    assert.include(fieldErrors(cancel, 'form').join(' '), '榜单已完成')
    // Off the board, but still the parties' page; a stranger gets 404.
    ;(await client.get(`/achievements/bounties/${bounty.id}`)).assertStatus(404)
    ;(await client.get(`/achievements/bounties/${bounty.id}`).loginAs(first.user)).assertStatus(200)
  })

  test('refused grabs: an unverified expert, an expert of another industry, a farmer, the owner, and the same expert twice', async ({ client, assert }) => {
    const entity = await marketEntity()
    const bounty = await makeBounty({ owner: entity })
    const pending = await makeExpert({ county: '510129', industries: ['fruit'], status: 'pending' })
    const tea = await makeExpert({ county: '510129', industries: ['tea'] })
    const farmer = await createUser({ county: '510129' })
    const cases: [any, string][] = [
      [pending.user, '只有经运管中心认证的科技特派员才能抢单'],
      [tea.user, '您的专业产业与榜单不符'],
      [farmer, '只有经运管中心认证的科技特派员才能抢单'],
      [entity, '不能抢自己发布的榜单'],
    ]
    for (const [user, message] of cases) {
      const response = await submitForm(client, `/achievements/bounties/${bounty.id}/grab`, PROPOSAL, user)
      assert.include(fieldErrors(response, 'proposal').join(' '), message)
    }
    const htmx = await submitHtmxForm(client, `/achievements/bounties/${bounty.id}/grab`, PROPOSAL, tea.user)
    htmx.assertStatus(422)
    htmx.assertHeader('hx-retarget', '#bounty-step-errors')
    assert.lengthOf(await BountyClaim.query().where('bounty_id', bounty.id), 0)

    const expert = await fruitExpert()
    await submitForm(client, `/achievements/bounties/${bounty.id}/grab`, PROPOSAL, expert.user)
    const again = await submitForm(client, `/achievements/bounties/${bounty.id}/grab`, PROPOSAL, expert.user)
    assert.include(fieldErrors(again, 'proposal').join(' '), '您已经抢过这个榜单了')
    assert.lengthOf(await BountyClaim.query().where('bounty_id', bounty.id), 1)
  })

  test('first qualified wins: the first grab claims it at once; a later grab is refused', async ({ client, assert }) => {
    const bounty = await makeBounty({ awardMode: 'first_qualified' })
    const first = await fruitExpert('李研究员')
    const later = await fruitExpert('张站长')
    const won = await submitHtmxForm(client, `/achievements/bounties/${bounty.id}/grab`, PROPOSAL, first.user)
    assert.include(won.text(), '抢单成功')
    await bounty.refresh()
    assert.equal(bounty.status, 'claimed')
    const refused = await submitForm(client, `/achievements/bounties/${bounty.id}/grab`, PROPOSAL, later.user)
    refused.assertStatus(404)
  })

  test('a fee mismatch is flagged and the county centre told; the other county\'s centre is not', async ({ client, assert }) => {
    const entity = await marketEntity()
    const bounty = await makeBounty({ owner: entity })
    const expert = await fruitExpert()
    const staff = await createUser({ county: '510129', roles: ['center_staff'], scopes: { center_staff: '510129' } })
    const otherStaff = await createUser({ county: '510104', roles: ['center_staff'], scopes: { center_staff: '510104' } })
    await submitForm(client, `/achievements/bounties/${bounty.id}/grab`, PROPOSAL, expert.user)
    const claim = await BountyClaim.findByOrFail('bountyId', bounty.id)
    await submitForm(client, `/achievements/bounties/${bounty.id}/pick`, { claim_id: String(claim.id) }, entity)
    await submitForm(client, `/achievements/bounties/${bounty.id}/negotiate`, {}, expert.user)
    await submitForm(client, `/achievements/bounties/${bounty.id}/fee`, { fee: '5000' }, entity)
    await submitForm(client, `/achievements/bounties/${bounty.id}/fee`, { fee: '3000' }, expert.user)
    await bounty.refresh()
    assert.equal(bounty.status, 'agreed')
    assert.isTrue(bounty.feeMismatch)
    assert.lengthOf(await Notification.query().where('user_id', staff.id).where('kind', 'achievements.fee_mismatch'), 1)
    assert.lengthOf(await Notification.query().where('user_id', otherStaff.id), 0)
    const page = await client.get(`/achievements/bounties/${bounty.id}`).loginAs(entity)
    assert.include(page.text(), '双方报告的费用不一致（发榜方 5000.00 元，专家 3000.00 元）')
  })

  test('bad input: budget min > max, a past deadline, a negative fee, a rating of 9 — Chinese messages, nothing stored', async ({ client, assert }) => {
    const entity = await marketEntity()
    const yesterday = DateTime.now().setZone('Asia/Shanghai').minus({ days: 1 }).toISODate()!
    assert.include(fieldErrors(await submitForm(client, '/achievements/bounties', bountyForm({ budget_min: '9000', budget_max: '6000' }), entity), 'budget_max').join(' '), '最低预算不能高于最高预算')
    assert.include(fieldErrors(await submitForm(client, '/achievements/bounties', bountyForm({ deadline: yesterday }), entity), 'deadline').join(' '), '截止日期不能早于今天')
    assert.include(fieldErrors(await submitForm(client, '/achievements/bounties', bountyForm({ deadline: '' }), entity), 'deadline').join(' '), '请填写截止日期')
    assert.lengthOf(await Bounty.all(), 0)
    const expert = await createUser({ roles: ['expert'] })
    ;(await submitForm(client, '/achievements/bounties', bountyForm(), expert)).assertStatus(403)
    const bounty = await makeBounty({ owner: entity, status: 'negotiating' })
    assert.include(fieldErrors(await submitForm(client, `/achievements/bounties/${bounty.id}/fee`, { fee: '-3' }, entity), 'fee').join(' '), '成交费用请填写不带字母和负号的金额')
    assert.include(fieldErrors(await submitForm(client, `/achievements/bounties/${bounty.id}/rate`, { rating: '9' }, entity), 'rating').join(' '), '请选择 1–5 星')
  })

  test('the owner cancels with a reason; the deadline sweep cancels open bounties past their day (once)', async ({ client, assert }) => {
    const entity = await marketEntity()
    const bounty = await makeBounty({ owner: entity })
    ;(await submitForm(client, `/achievements/bounties/${bounty.id}/cancel`, { reason: '已自行解决' }, await marketEntity('510129', '别人'))).assertStatus(404)
    await submitForm(client, `/achievements/bounties/${bounty.id}/cancel`, { reason: '已自行解决' }, entity)
    await bounty.refresh()
    assert.equal(bounty.status, 'cancelled')
    assert.equal(bounty.cancelReason, '已自行解决')

    const soon = await makeBounty({ owner: entity, deadlineInDays: 1, title: '很快到期的榜单标题' })
    const later = await makeBounty({ owner: entity, deadlineInDays: 10 })
    assert.equal(await sweepBountyDeadlines(), 0)
    clock.travel(2 * DAY)
    assert.equal(await sweepBountyDeadlines(), 1)
    assert.equal(await sweepBountyDeadlines(), 0, 'idempotent')
    await soon.refresh()
    await later.refresh()
    assert.equal(soon.status, 'cancelled')
    assert.equal(later.status, 'open')
    assert.lengthOf(await Notification.query().where('user_id', entity.id).whereLike('title', '%很快到期%'), 1)
  })

  test('the board: empty state, filters, a held bounty stays off it', async ({ client, assert }) => {
    const empty = await client.get('/achievements/bounties')
    assert.include(empty.text(), '暂时没有开放的榜单')
    await makeBounty({ title: '大邑猕猴桃修剪榜单', industry: 'fruit', county: '510129' })
    await makeBounty({ title: '名山茶园采摘榜单', industry: 'tea', county: '511803' })
    const held = await makeBounty({ title: '审核中的榜单标题' })
    held.held = true
    await held.save()
    const fruit = await client.get('/achievements/bounties?industry=fruit').header('HX-Request', 'true')
    assert.include(fruit.text(), '大邑猕猴桃修剪榜单')
    assert.notInclude(fruit.text(), '名山茶园采摘榜单')
    assert.notInclude(fruit.text(), '<html')
    const all = await client.get('/achievements/bounties')
    assert.notInclude(all.text(), '审核中的榜单标题')
    ;(await client.get(`/achievements/bounties/${held.id}`)).assertStatus(404)
  })
})
