import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Consultation from '#modules/experts/models/consultation'
import { createUser } from '#tests/helpers'
import { makeExpert } from '#tests/fixtures/experts/profiles'

/** Names of the experts listed, in order. */
function listed(html: string): string[] {
  return [...html.matchAll(/<strong>([^<]+)<\/strong>\s*<span class="tag">/g)].map((match) => match[1])
}

async function sampleDirectory() {
  await makeExpert({ name: '大邑水稻', county: '510129', industries: ['grain_oil', 'vegetable'], specialties: '水稻病虫害防治' })
  await makeExpert({ name: '蒲江猕猴桃', county: '510131', industries: ['fruit'], specialties: '猕猴桃溃疡病防治' })
  await makeExpert({ name: '成都市粮油', county: '510104', level: 'city', industries: ['grain_oil'], specialties: '粮油高产栽培' })
  await makeExpert({ name: '邻水柑橘', county: '511623', industries: ['fruit', 'tea'], specialties: '柑橘黄龙病' })
  await makeExpert({ name: '省级专家', county: '510104', level: 'province', industries: ['pig'], specialties: '生猪疫病防控' })
  await makeExpert({ name: '待审核', county: '510129', industries: ['grain_oil'], status: 'pending' })
  await makeExpert({ name: '已驳回', county: '510129', industries: ['grain_oil'], status: 'rejected' })
}

test.group('找专家 / the directory', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the page lists verified experts only, newest first, with the filter form; no sign-in needed', async ({ client, assert }) => {
    await sampleDirectory()
    const response = await client.get('/experts')
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, '<html')
    assert.match(html, /<form method="GET" action="\/experts" role="search"/)
    assert.include(html, 'name="city"')
    assert.include(html, '<option value="">全部产业</option>')
    assert.deepEqual(listed(html), ['省级专家', '邻水柑橘', '成都市粮油', '蒲江猕猴桃', '大邑水稻'])
    assert.include(html, '共 5 位专家')
    assert.include(html, '县级专家')
    assert.include(html, '成都市 大邑县')
  })

  const filters: [string, string, string[]][] = [
    ['a main industry', 'industry=grain_oil', ['成都市粮油', '大邑水稻']],
    ['another industry of the expert', 'industry=tea', ['邻水柑橘']],
    ['a county', 'county_code=510129', ['大邑水稻']],
    ['a city', 'city=510100', ['省级专家', '成都市粮油', '蒲江猕猴桃', '大邑水稻']],
    ['a city and an industry', 'city=510100&industry=fruit', ['蒲江猕猴桃']],
    ['a level', 'level=city', ['成都市粮油']],
    ['a county of another city than the one chosen (the county is dropped)', 'city=511600&county_code=510129', ['邻水柑橘']],
  ]
  for (const [label, query, names] of filters) {
    test(`filtered by ${label}`, async ({ client, assert }) => {
      await sampleDirectory()
      const response = await client.get(`/experts?${query}`)
      assert.deepEqual(listed(response.text()), names)
    })
  }

  test('htmx: the list fragment alone, filters kept in its page links', async ({ client, assert }) => {
    await sampleDirectory()
    const response = await client.get('/experts?industry=fruit').header('HX-Request', 'true')
    response.assertStatus(200)
    assert.include(response.header('vary'), 'HX-Request')
    const html = response.text()
    assert.notInclude(html, '<html')
    assert.notInclude(html, 'role="search"')
    assert.deepEqual(listed(html), ['邻水柑橘', '蒲江猕猴桃'])
  })

  test('the ways in: 找专家 from the home page; apply, one’s own profile, the review queue below the list', async ({ client, assert }) => {
    assert.include((await client.get('/')).text(), 'href="/experts"')
    const guest = (await client.get('/experts')).text()
    assert.include(guest, 'href="/experts/apply"')
    assert.notInclude(guest, 'href="/admin/experts/profiles"')

    const { user: expertUser } = await makeExpert({ county: '510129', roles: ['expert'] })
    const expertPage = (await client.get('/experts').loginAs(expertUser)).text()
    assert.include(expertPage, 'href="/experts/me"')
    assert.include((await client.get('/profile').loginAs(expertUser)).text(), 'href="/experts/me"')

    const farmer = await createUser()
    assert.include((await client.get('/profile').loginAs(farmer)).text(), 'href="/experts/apply"')

    const staff = await createUser({ roles: ['center_staff'], scopes: { center_staff: '510129' } })
    assert.include((await client.get('/experts').loginAs(staff)).text(), 'href="/admin/experts/profiles"')
  })

  test('an empty result says so', async ({ client }) => {
    await sampleDirectory()
    const response = await client.get('/experts?industry=bamboo&county_code=510129').header('HX-Request', 'true')
    response.assertTextIncludes('没有找到符合条件的专家，请换个条件试试。')
  })

  test('20 a page, the next page keeps the filters', async ({ client, assert }) => {
    for (let i = 0; i < 23; i++) await makeExpert({ name: `专家${String.fromCharCode(0x4e00 + i)}`, county: '510129', industries: ['tea'] })
    await makeExpert({ name: '别的产业', county: '510129', industries: ['pig'] })
    const first = await client.get('/experts?industry=tea&county_code=510129')
    assert.lengthOf(listed(first.text()), 20)
    first.assertTextIncludes('共 23 位专家')
    const next = /href="(\/experts\?[^"]*page=2)"/.exec(first.text())![1].replaceAll('&amp;', '&')
    assert.include(next, 'industry=tea')
    assert.include(next, 'county_code=510129')
    const second = await client.get(next).header('HX-Request', 'true')
    assert.lengthOf(listed(second.text()), 3)
    second.assertTextIncludes('上一页')
    assert.notInclude(second.text(), '下一页')
  })

  test('counting stops at 1000; the pages still go to the last expert', async ({ client, assert }) => {
    await db.rawQuery(
      `WITH people AS (
         INSERT INTO users (phone, password, name, county_code, created_at, updated_at)
         SELECT '1360000' || lpad(n::text, 4, '0'), 'x', '批量专家' || n, '510129', now(), now() FROM generate_series(1, 1001) AS n
         RETURNING id)
       INSERT INTO experts_profiles (user_id, organization, title, level, county_code, industries, status, created_at, updated_at)
       SELECT id, '大邑县农业农村局', '农艺师', 'county', '510129', ARRAY['tea'], 'verified', now(), now() FROM people`
    )
    const first = await client.get('/experts?industry=tea')
    first.assertTextIncludes('超过 1000 位专家')
    assert.lengthOf(listed(first.text()), 20)
    assert.include(first.text(), 'page=2')
    const last = await client.get('/experts?industry=tea&page=51')
    assert.lengthOf(listed(last.text()), 1)
    assert.notInclude(last.text(), '下一页')
    const empty = await client.get('/experts?industry=tea&page=52')
    empty.assertTextIncludes('没有找到符合条件的专家')
  })

  test('free text goes through the text engine, within the filters, verified experts only', async ({ client, assert }) => {
    await sampleDirectory()
    await makeExpert({ name: '猕猴桃待审', county: '510131', industries: ['fruit'], specialties: '猕猴桃溃疡病', status: 'pending' })
    const kiwi = await client.get(`/experts?q=${encodeURIComponent('猕猴桃溃疡病')}`)
    assert.deepEqual(listed(kiwi.text()), ['蒲江猕猴桃'])
    kiwi.assertTextIncludes('<mark>')
    const byName = await client.get(`/experts?q=${encodeURIComponent('邻水')}&industry=tea`)
    assert.deepEqual(listed(byName.text()), ['邻水柑橘'])
    const outside = await client.get(`/experts?q=${encodeURIComponent('猕猴桃')}&city=511600`)
    outside.assertTextIncludes('没有找到符合条件的专家')
  })

  const badQueries = [
    'industry=rice',
    'county_code=110101',
    'city=110100',
    'level=village',
    'page=-3',
    'page=abc',
    `q=${encodeURIComponent("'); DROP TABLE experts_profiles;-- & | ! :*")}`,
    `q=${encodeURIComponent('😀'.repeat(300))}`,
  ]
  for (const query of badQueries) {
    test(`a filter that cannot be ours is dropped, not an error page: ${decodeURIComponent(query).slice(0, 30)}`, async ({ client, assert }) => {
      await sampleDirectory()
      const response = await client.get(`/experts?${query}`)
      response.assertStatus(200)
      if (!query.startsWith('q=')) assert.lengthOf(listed(response.text()), 5)
    })
  }
})

test.group('找专家 / the profile page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows the profile, the figures from the case log and 向TA提问', async ({ client, assert }) => {
    const { expert } = await makeExpert({
      name: '王猕猴桃',
      organization: '大邑县农业农村局',
      county: '510131',
      industries: ['fruit', 'tea'],
      specialties: '猕猴桃溃疡病防治',
      bio: '四川农业大学园艺学院教授。',
    })
    const reporter = await createUser({ county: '510131' })
    const assigned = DateTime.fromISO('2026-05-01T08:00:00+08:00')
    for (const [minutes, rating] of [[30, 5], [90, 4], [60, null]] as const) {
      await Consultation.create({
        reporterId: reporter.id,
        industryCode: 'fruit',
        countyCode: '510131',
        text: '猕猴桃叶片有褐色斑点',
        state: 'closed',
        expertId: expert.id,
        assignedAt: assigned,
        firstResponseAt: assigned.plus({ minutes }),
        answeredAt: assigned.plus({ minutes: minutes + 5 }),
        rating,
      })
    }
    const response = await client.get(`/experts/${expert.id}`)
    response.assertStatus(200)
    const html = response.text()
    for (const text of ['王猕猴桃', '县级专家', '高级农艺师', '大邑县农业农村局', '成都市 蒲江县', '川果', '川茶', '猕猴桃溃疡病防治', '四川农业大学园艺学院教授。', '在岗']) {
      assert.include(html, text)
    }
    assert.include(html, '3 件')
    assert.include(html, '1 小时 0 分钟')
    assert.include(html, '4.5 分（2 次评价）')
    assert.include(html, `href="/consultations/new?expert=${expert.id}"`)
    assert.include(html, '向TA提问')
  })

  test('a new expert has no figures yet; an away one says until when', async ({ client }) => {
    const { expert } = await makeExpert({ county: '510129' })
    expert.awayUntil = DateTime.now().setZone('Asia/Shanghai').plus({ days: 2 }).startOf('day')
    await expert.save()
    const response = await client.get(`/experts/${expert.id}`)
    response.assertTextIncludes('暂无')
    response.assertTextIncludes(`外出至 ${expert.awayUntil.toISODate()}`)
  })

  test('pending, rejected and unknown profiles are not found', async ({ client }) => {
    const { expert: pending } = await makeExpert({ county: '510129', status: 'pending' })
    const { expert: rejected } = await makeExpert({ county: '510129', status: 'rejected' })
    ;(await client.get(`/experts/${pending.id}`)).assertStatus(404)
    ;(await client.get(`/experts/${rejected.id}`)).assertStatus(404)
    ;(await client.get('/experts/999999999')).assertStatus(404)
  })
})
