import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import TechDemand from '#modules/achievements/models/tech_demand'
import TechOffer from '#modules/achievements/models/tech_offer'
import { assertRedirect, createUser, fieldErrors, submitForm, submitHtmxForm } from '#tests/helpers'
import { listWord } from '#tests/fixtures/supply/sellers'
import { demandForm, expertUser, makeDemand, makeOffer, marketEntity, offerForm } from '#tests/fixtures/achievements/listings'

const yesterday = () => DateTime.now().setZone('Asia/Shanghai').minus({ days: 1 }).toISODate()!

test.group('Achievements / publishing demands and offers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a market entity publishes a demand without JS: its page, the public list and the text index have it', async ({ client, assert }) => {
    const entity = await marketEntity()
    const form = await client.get('/achievements/demands/new').loginAs(entity)
    form.assertStatus(200)
    assert.include(form.text(), 'name="budget_min"')
    assert.notInclude(form.text(), 'name="patent_number"')

    const saved = await submitForm(client, '/achievements/demands', demandForm(), entity)
    const demand = await TechDemand.findByOrFail('ownerId', entity.id)
    assertRedirect(saved, `/achievements/demands/${demand.id}`)
    assert.equal(demand.status, 'published')
    assert.equal(demand.budgetMinFen, 500000)
    assert.equal(demand.budgetMaxFen, 2000000)
    assert.deepEqual(demand.industries, ['fruit'])

    const page = await client.get(`/achievements/demands/${demand.id}`)
    page.assertStatus(200)
    assert.include(page.text(), '猕猴桃溃疡病综合防控技术')
    assert.include(page.text(), '5000.00–20000.00 元')
    assert.include(page.text(), '匹配的成果')
    assert.notInclude(page.text(), '撤回', 'only the owner sees the owner box')
    const list = await client.get('/achievements/demands')
    assert.include(list.text(), `/achievements/demands/${demand.id}`)
    const document = await db.from('text_documents').where({ source_type: 'achievements.demand', source_id: String(demand.id) }).firstOrFail()
    assert.isTrue(document.public)
    assert.equal(document.county_code, '510129')
  })

  test('an expert publishes an offer with a patent number (spaces and the dot dropped); htmx errors go to the form box', async ({ client, assert }) => {
    const expert = await expertUser()
    const saved = await submitForm(client, '/achievements/offers', offerForm({ patent_number: 'zl 2015 1012 3456.7' }), expert)
    const offer = await TechOffer.findByOrFail('ownerId', expert.id)
    assertRedirect(saved, `/achievements/offers/${offer.id}`)
    assert.equal(offer.patentNumber, 'ZL2015101234567')
    assert.equal(offer.ipStatus, 'granted')

    const refused = await submitHtmxForm(client, '/achievements/offers', offerForm({ patent_number: 'CN123456' }), expert)
    refused.assertStatus(422)
    refused.assertHeader('hx-retarget', '#listing-form-errors')
    assert.include(refused.text(), '专利号应为 ZL 加 12 或 13 位数字')
    assert.lengthOf(await TechOffer.query().where('owner_id', expert.id), 1, 'nothing more stored')
  })

  test('bad money, dates and patent numbers: a Chinese message next to the field, nothing stored', async ({ client, assert }) => {
    const entity = await marketEntity()
    const cases: [Record<string, string>, string, string][] = [
      [{ budget_min: '30000', budget_max: '20000' }, 'budget_max', '最低预算不能高于最高预算'],
      [{ deadline: yesterday() }, 'deadline', '截止日期不能早于今天'],
      [{ deadline: '2027-02-30' }, 'deadline', '截止日期不是有效的日期'],
      [{ deadline: '明天' }, 'deadline', '截止日期格式应为'],
      [{ budget_min: '-5' }, 'budget_min', '最低预算请填写不带字母和负号的金额'],
      [{ industry: 'rubber' }, 'industry', '请从“10+3”产业中选择主要产业'],
      [{ county_code: '110101' }, 'county_code', '请选择四川省内的区县'],
      [{ kind: 'magic' }, 'kind', '请选择有效的类别'],
    ]
    for (const [overrides, field, message] of cases) {
      const response = await submitForm(client, '/achievements/demands', demandForm(overrides), entity)
      response.assertStatus(302)
      assert.include(fieldErrors(response, field).join(' '), message, JSON.stringify(overrides))
    }
    const expert = await expertUser()
    for (const patent of ['ZL20151012345', 'ZL20151012345678', 'ZLabcdefghijkl', '201510123456.7']) {
      const response = await submitForm(client, '/achievements/offers', offerForm({ patent_number: patent }), expert)
      assert.include(fieldErrors(response, 'patent_number').join(' '), '专利号应为 ZL 加 12 或 13 位数字', patent)
    }
    const granted = await submitForm(client, '/achievements/offers', offerForm({ patent_number: '' }), expert)
    assert.include(fieldErrors(granted, 'patent_number').join(' '), '已授权专利请填写专利号')
    assert.lengthOf(await TechDemand.all(), 0)
    assert.lengthOf(await TechOffer.all(), 0)
  })

  test('who publishes: a farmer may not (403), a guest is sent to log in; an expert may not post a demand', async ({ client }) => {
    const farmer = await createUser()
    ;(await client.get('/achievements/demands/new').loginAs(farmer)).assertStatus(403)
    ;(await submitForm(client, '/achievements/offers', offerForm(), farmer)).assertStatus(403)
    const guest = await client.get('/achievements/demands/new').redirects(0)
    guest.assertStatus(302)
    const expert = await expertUser()
    ;(await submitForm(client, '/achievements/demands', demandForm(), expert)).assertStatus(403)
  })

  test('a held word holds the demand: not public, in the review queue, the owner sees it as 审核中', async ({ client, assert }) => {
    await listWord('包赚不赔', 'hold')
    const entity = await marketEntity()
    await submitForm(client, '/achievements/demands', demandForm({ description: '想引进新技术，合作方承诺包赚不赔，请专家联系我们合作。' }), entity)
    const demand = await TechDemand.findByOrFail('ownerId', entity.id)
    assert.equal(demand.status, 'held')
    const review = await db.from('moderation_reviews').where({ subject_type: 'achievements.demand', subject_id: String(demand.id), status: 'pending' }).first()
    assert.exists(review)
    ;(await client.get(`/achievements/demands/${demand.id}`)).assertStatus(404)
    ;(await client.get(`/achievements/demands/${demand.id}`).loginAs(await marketEntity('510104', '别人'))).assertStatus(404)
    const own = await client.get(`/achievements/demands/${demand.id}`).loginAs(entity)
    own.assertStatus(200)
    assert.include(own.text(), '审核中')
    assert.notInclude((await client.get('/achievements/demands')).text(), `/achievements/demands/${demand.id}"`)
    const document = await db.from('text_documents').where({ source_type: 'achievements.demand', source_id: String(demand.id) }).firstOrFail()
    assert.isFalse(document.public)
  })

  test('a blocked word refuses it with a message; nothing stored', async ({ client, assert }) => {
    await listWord('赌场', 'block')
    const entity = await marketEntity()
    const response = await submitForm(client, '/achievements/demands', demandForm({ title: '赌场周边农业技术需求' }), entity)
    assert.include(fieldErrors(response, 'description').join(' '), '不允许发布的词语')
    assert.lengthOf(await TechDemand.all(), 0)
  })
})

test.group('Achievements / editing and withdrawing', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the owner edits their demand (form filled in); another person gets 404 and nothing changes', async ({ client, assert }) => {
    const entity = await marketEntity()
    const demand = await makeDemand({ owner: entity })
    const form = await client.get(`/achievements/demands/${demand.id}/edit`).loginAs(entity)
    form.assertStatus(200)
    assert.include(form.text(), 'value="猕猴桃溃疡病综合防控技术"')
    assert.include(form.text(), 'value="5000.00"')

    const saved = await submitForm(client, `/achievements/demands/${demand.id}`, demandForm({ title: '猕猴桃溃疡病防控与品种改良' }), entity)
    assertRedirect(saved, `/achievements/demands/${demand.id}`)
    await demand.refresh()
    assert.equal(demand.title, '猕猴桃溃疡病防控与品种改良')

    const other = await marketEntity('510129', '另一个合作社')
    ;(await client.get(`/achievements/demands/${demand.id}/edit`).loginAs(other)).assertStatus(404)
    ;(await submitForm(client, `/achievements/demands/${demand.id}`, demandForm({ title: '被别人改掉了的标题' }), other)).assertStatus(404)
    ;(await submitForm(client, `/achievements/demands/${demand.id}/withdraw`, {}, other)).assertStatus(404)
    await demand.refresh()
    assert.equal(demand.title, '猕猴桃溃疡病防控与品种改良')
    assert.equal(demand.status, 'published')
  })

  test('withdrawing: htmx swaps the owner box; the listing leaves the list, the index and the public', async ({ client, assert }) => {
    const expert = await expertUser()
    const offer = await makeOffer({ owner: expert })
    const response = await submitHtmxForm(client, `/achievements/offers/${offer.id}/withdraw`, {}, expert)
    response.assertStatus(200)
    assert.include(response.text(), '已撤回，不再公开展示')
    assert.include(response.text(), 'id="listing-owner"')
    await offer.refresh()
    assert.equal(offer.status, 'withdrawn')
    ;(await client.get(`/achievements/offers/${offer.id}`)).assertStatus(404)
    assert.notInclude((await client.get('/achievements/offers')).text(), `/achievements/offers/${offer.id}"`)
    const document = await db.from('text_documents').where({ source_type: 'achievements.offer', source_id: String(offer.id) }).firstOrFail()
    assert.isFalse(document.public)
    const again = await submitForm(client, `/achievements/offers/${offer.id}/withdraw`, {}, expert)
    assert.include(fieldErrors(again, 'form').join(' '), '已经撤回了')
    ;(await client.get(`/achievements/offers/${offer.id}/edit`).loginAs(expert)).assertStatus(404)
  })

  test('我的成果转化 lists the person\'s own listings in every status, nobody else\'s', async ({ client, assert }) => {
    const entity = await marketEntity()
    await makeDemand({ owner: entity, title: '我自己的已撤回需求', status: 'withdrawn' })
    await makeDemand({ title: '别人的技术需求标题' })
    const mine = await client.get('/achievements/mine').loginAs(entity)
    mine.assertStatus(200)
    assert.include(mine.text(), '我自己的已撤回需求')
    assert.include(mine.text(), '已撤回')
    assert.notInclude(mine.text(), '别人的技术需求标题')
  })
})

test.group('Achievements / the public lists', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('empty state; filters by industry, region and kind (full page and htmx fragment); unknown filters are dropped', async ({ client, assert }) => {
    const empty = await client.get('/achievements/offers')
    empty.assertStatus(200)
    assert.include(empty.text(), '暂时没有符合条件的科技成果')
    const fruit = await makeOffer({ title: '大邑猕猴桃新品种金艳', kind: 'variety', county: '510129', industries: ['fruit'] })
    const tea = await makeOffer({ title: '名山茶园机械化采摘装备', kind: 'equipment', county: '511803', industries: ['tea'] })
    const chengdu = await makeOffer({ title: '成都锦江柑橘保鲜技术', kind: 'technology', county: '510104', industries: ['fruit'] })
    const show = (text: string, shown: typeof fruit[], hidden: typeof fruit[]) => {
      for (const offer of shown) assert.include(text, offer.title)
      for (const offer of hidden) assert.notInclude(text, offer.title)
    }
    show((await client.get('/achievements/offers?industry=fruit')).text(), [fruit, chengdu], [tea])
    show((await client.get('/achievements/offers?county_code=510129')).text(), [fruit], [tea, chengdu])
    show((await client.get('/achievements/offers?city=510100')).text(), [fruit, chengdu], [tea])
    show((await client.get('/achievements/offers?kind=equipment')).text(), [tea], [fruit, chengdu])
    show((await client.get('/achievements/offers?kind=nonsense&industry=x&county_code=999999&page=-3')).text(), [fruit, tea, chengdu], [])
    const fragment = await client.get('/achievements/offers?industry=tea').header('HX-Request', 'true')
    fragment.assertStatus(200)
    assert.notInclude(fragment.text(), '<html')
    show(fragment.text(), [tea], [fruit, chengdu])
    assert.include(fragment.header('vary'), 'HX-Request')
  })

  test('pagination: 20 a page, newest first, a next link while more remain', async ({ client, assert }) => {
    const owner = await marketEntity()
    for (let i = 1; i <= 21; i++) await makeDemand({ owner, title: `第${String(i).padStart(2, '0')}号技术需求` })
    const first = await client.get('/achievements/demands')
    assert.include(first.text(), '第21号技术需求')
    assert.notInclude(first.text(), '第01号技术需求')
    assert.include(first.text(), 'page=2')
    const second = await client.get('/achievements/demands?page=2')
    assert.include(second.text(), '第01号技术需求')
    assert.notInclude(second.text(), '第21号技术需求')
  })

  test('the module home shows the latest of both sides; unknown ids and sides are 404', async ({ client, assert }) => {
    await makeDemand({ title: '首页能看到的需求' })
    await makeOffer({ title: '首页能看到的成果' })
    const home = await client.get('/achievements')
    home.assertStatus(200)
    assert.include(home.text(), '首页能看到的需求')
    assert.include(home.text(), '首页能看到的成果')
    ;(await client.get('/achievements/demands/999999')).assertStatus(404)
    ;(await client.get('/achievements/anything')).assertStatus(404)
  })
})
