import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { clock, DAY } from '#core/clock'
import Notification from '#core/notifications/notification'
import SmsMessage from '#core/sms/sms_message'
import { forgetTokenStatistics } from '#core/text/token_statistics'
import TechDemand from '#modules/achievements/models/tech_demand'
import { sendDigests } from '#modules/achievements/matching/push'
import { submitForm, submitHtmxForm } from '#tests/helpers'
import { demandForm, expertUser, makeOffer, marketEntity } from '#tests/fixtures/achievements/listings'

test.group('Achievements / matches pushed to both sides', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => {
    clock.reset()
    forgetTokenStatistics()
  })

  test('publishing a demand tells the matching offer\'s owner and the publisher in-site; its page shows the match with a reason line', async ({ client, assert }) => {
    const researcher = await expertUser('510129', '李研究员')
    const offer = await makeOffer({ owner: researcher })
    const unrelated = await makeOffer({ owner: researcher, title: '生猪低蛋白日粮技术', description: '氨基酸平衡低蛋白日粮降低生猪饲料成本。', industries: ['pig'], county: '511803' })
    const entity = await marketEntity()
    await submitForm(client, '/achievements/demands', demandForm(), entity)
    const demand = await TechDemand.findByOrFail('ownerId', entity.id)

    const toResearcher = await Notification.query().where('user_id', researcher.id).where('kind', 'achievements.match')
    assert.lengthOf(toResearcher, 1)
    assert.include(toResearcher[0].title, '有新的技术需求与您的成果匹配')
    assert.equal(toResearcher[0].link, `/achievements/demands/${demand.id}`)
    const toEntity = await Notification.query().where('user_id', entity.id).where('kind', 'achievements.match')
    assert.lengthOf(toEntity, 1)
    assert.include(toEntity[0].title, '已为您的需求找到 1 项匹配的成果')

    const page = await client.get(`/achievements/demands/${demand.id}`)
    assert.include(page.text(), `/achievements/offers/${offer.id}`)
    assert.notInclude(page.text(), `/achievements/offers/${unrelated.id}"`)
    assert.include(page.text(), '匹配原因：同产业（川果） · 同区县 · 同类别')
    const offerPage = await client.get(`/achievements/offers/${offer.id}`)
    assert.include(offerPage.text(), '匹配的需求')
    assert.include(offerPage.text(), `/achievements/demands/${demand.id}`)

    // The same pair is never pushed twice: editing and re-publishing adds nothing.
    await submitForm(client, `/achievements/demands/${demand.id}`, demandForm({ title: '猕猴桃溃疡病综合防控技术需求' }), entity)
    assert.lengthOf(await Notification.query().where('user_id', researcher.id).where('kind', 'achievements.match'), 1)
  })

  test('the SMS digest: one a day per person with matches waiting, none for who opted out, none twice a day', async ({ client, assert }) => {
    const researcher = await expertUser('510129', '李研究员')
    await makeOffer({ owner: researcher })
    const optedOut = await expertUser('510129', '王研究员')
    await makeOffer({ owner: optedOut, title: '猕猴桃溃疡病生物防治技术', description: '拮抗菌剂喷施防治猕猴桃溃疡病。' })
    const off = await submitForm(client, '/achievements/mine/sms', { sms: 'off' }, optedOut)
    off.assertStatus(302)
    const entity = await marketEntity()
    await submitForm(client, '/achievements/demands', demandForm(), entity)

    assert.equal(await sendDigests(), 2)
    const digests = await SmsMessage.query().where('template', 'achievements_match_digest')
    assert.sameMembers(digests.map((sms) => sms.phone), [researcher.phone, entity.phone])
    assert.include(digests[0].body ?? '', '/achievements/mine')
    assert.equal(await sendDigests(), 0, 'nothing waits any more')

    // New matches the same day wait for tomorrow.
    await submitForm(client, '/achievements/demands', demandForm({ title: '猕猴桃溃疡病冬季清园技术', county_code: '510131' }), await marketEntity('510131', '蒲江果业公司'))
    assert.equal(await sendDigests(), 1, 'only the new publisher, who had none today')
    const researcherToday = () => SmsMessage.query().where('template', 'achievements_match_digest').where('phone', researcher.phone)
    assert.lengthOf(await researcherToday(), 1)
    clock.travel(DAY)
    assert.equal(await sendDigests(), 1)
    assert.lengthOf(await researcherToday(), 2)
    assert.lengthOf(await SmsMessage.query().where('phone', optedOut.phone), 0)
    const waiting = await db.from('achievements_digest_items').where('user_id', optedOut.id).whereNull('sent_at')
    assert.isAbove(waiting.length, 0, 'in-site only: the opted-out person still has their notices')
  })

  test('the SMS setting on 我的成果转化: htmx swaps the box, the plain post redirects back', async ({ client, assert }) => {
    const entity = await marketEntity()
    const page = await client.get('/achievements/mine').loginAs(entity)
    assert.include(page.text(), '关闭短信提醒')
    const swapped = await submitHtmxForm(client, '/achievements/mine/sms', { sms: 'off' }, entity)
    swapped.assertStatus(200)
    assert.include(swapped.text(), '已关闭短信提醒')
    assert.include(swapped.text(), '打开短信提醒')
    assert.notInclude(swapped.text(), '<html')
    const back = await submitForm(client, '/achievements/mine/sms', { sms: 'on' }, entity)
    back.assertStatus(302)
    back.assertHeader('location', '/achievements/mine')
    assert.include((await client.get('/achievements/mine').loginAs(entity)).text(), '关闭短信提醒')
    const refused = await submitHtmxForm(client, '/achievements/mine/sms', { sms: 'maybe' }, entity)
    refused.assertStatus(422)
    assert.include(refused.text(), '请选择是否接收短信提醒')
  })
})
