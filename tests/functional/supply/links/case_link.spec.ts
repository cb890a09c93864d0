import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeCase } from '#tests/fixtures/experts/consultations'
import { makeSeller } from '#tests/fixtures/supply/sellers'
import { createUser } from '#tests/helpers'

/*
 * Issue 16 §3: an expert's answer about a pest links to the 农资 sellers of the case's
 * industry and county (experts' case page through supply/public.ts's sellersPath).
 */
test.group('Supply / from an answered case to 农资 sellers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('once an expert answers, the case page links to 农资 sellers of its industry and county; following it lists them', async ({ client, assert }) => {
    const reporter = await createUser({ county: '510129' })
    const here = await makeSeller({ name: '大邑粮油农资', county: '510129', kind: 'materials', industries: ['grain_oil'] })
    await makeSeller({ name: '锦江粮油农资', county: '510104', kind: 'materials', industries: ['grain_oil'] })
    await makeSeller({ name: '大邑果品电商', county: '510129', kind: 'products', industries: ['grain_oil'] })
    await makeSeller({ name: '大邑茶叶农资', county: '510129', kind: 'materials', industries: ['tea'] })

    const waiting = await makeCase({ reporter, county: '510129', industry: 'grain_oil' })
    const before = (await client.get(`/consultations/${waiting.id}`).loginAs(reporter)).text()
    assert.notInclude(before, '农资电商')

    const answered = await makeCase({ reporter, county: '510129', industry: 'grain_oil', state: 'answering' })
    const page = await client.get(`/consultations/${answered.id}`).loginAs(reporter)
    page.assertStatus(200)
    const href = '/supply?industry=grain_oil&amp;county_code=510129&amp;kind=materials'
    assert.include(page.text(), `href="${href}"`)
    assert.match(page.text(), /需要用药、种子、化肥？看[^<]*大邑县的[^<]*粮油[^<]*农资电商/)

    const list = (await client.get(href.replaceAll('&amp;', '&'))).text()
    assert.include(list, '大邑粮油农资')
    assert.include(list, `/supply/sellers/${here.id}`)
    for (const other of ['锦江粮油农资', '大邑果品电商', '大邑茶叶农资']) assert.notInclude(list, other)
  })
})
