import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { inBeijing } from '#core/clock'
import { refreshCaseFacts, serviceStars } from '#modules/experts/public'
import { makeExpert } from '#tests/fixtures/experts/profiles'
import { makeCase } from '#tests/fixtures/experts/consultations'

/** Cases of `county` closed last month by `expert`, rated as given. */
async function served(expert: any, county: string, ratings: number[]) {
  const lastMonth = inBeijing().startOf('month').minus({ days: 10 })
  for (const rating of ratings) await makeCase({ state: 'closed', county, industry: 'fruit', expert, rating, submittedAt: lastMonth })
}

test.group('Achievements / 服务之星', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a city\'s experts with the most cases last month, better rated first among equals; another city\'s not; page, htmx, 404s', async ({ client, assert }) => {
    const li = await makeExpert({ name: '李研究员', county: '510104', industries: ['fruit'], organization: '四川省农业科学院' })
    const wang = await makeExpert({ name: '王农艺师', county: '510105', industries: ['fruit'] })
    const zhao = await makeExpert({ name: '赵站长', county: '510104', industries: ['fruit'] })
    const mianyang = await makeExpert({ name: '钱研究员', county: '510703', industries: ['fruit'] })
    await served(li.expert, '510104', [5, 5, 4])
    await served(wang.expert, '510105', [3, 3, 3])
    await served(zhao.expert, '510104', [5])
    await served(mianyang.expert, '510703', [5, 5, 5, 5])
    await refreshCaseFacts()

    const stars = await serviceStars('5101', inBeijing().startOf('month').minus({ months: 1 }))
    assert.deepEqual(stars.map((star) => star.expertId), [li.expert.id, wang.expert.id, zhao.expert.id].map(Number))
    assert.deepEqual([stars[0].cases, stars[0].averageRating, stars[0].ratings], [3, 4.7, 3])

    const page = await client.get('/achievements/stars?city=510100')
    page.assertStatus(200)
    const text = page.text()
    assert.isBelow(text.indexOf('李研究员'), text.indexOf('王农艺师'))
    assert.isBelow(text.indexOf('王农艺师'), text.indexOf('赵站长'))
    assert.notInclude(text, '钱研究员')
    assert.include(text, '服务 3 件')
    assert.include(text, '4.7 分（3 次评价）')
    assert.include(text, `href="/achievements/experts/${li.expert.id}"`)

    const fragment = await client.get('/achievements/stars?city=510700').header('hx-request', 'true')
    assert.include(fragment.text(), '钱研究员')
    assert.notInclude(fragment.text(), '<html')
    const earlier = await client.get(`/achievements/stars?city=510100&month=${inBeijing().minus({ years: 1 }).toFormat('yyyy-MM')}`)
    assert.include(earlier.text(), '这个月还没有服务记录')
    ;(await client.get('/achievements/stars?city=519900')).assertStatus(404)
    ;(await client.get('/achievements/stars?city=510104')).assertStatus(404)
    ;(await client.get('/achievements/stars?month=2026-13')).assertStatus(404)
  })
})
