import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { IndustryRecordFactory } from '#database/factories/info/industry_record_factory'
import IndustryRecord from '#modules/info/models/industry_record'
import { infoStaff, recordIn } from '#tests/fixtures/info/records'

test.group('Info / browse: the public list and record page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('published records only, with filters by kind, industry and region, as a page and as the htmx list', async ({ client, assert }) => {
    const author = await infoStaff('51')
    await IndustryRecordFactory.merge([
      { authorId: author.id, title: '锦江区柑橘产业现状', regionCode: '510104', industries: ['fruit'] },
      { authorId: author.id, title: '广安市生猪龙头企业', regionCode: '511600', kind: 'leading_enterprise', industries: ['pig'], entityName: '广安生猪集团', creditCode: '91510129MA62M1234H' },
      { authorId: author.id, title: '四川茶叶产业发展趋势', regionCode: '510000', category: 'macro', kind: 'trend', industries: ['tea'] },
    ])
      .apply('published')
      .createMany(3)
    await IndustryRecordFactory.merge({ authorId: author.id, title: '尚未签批的草稿' }).create()
    await IndustryRecordFactory.merge({ authorId: author.id, title: '等待审核的信息' }).apply('submitted').create()

    const page = await client.get('/info')
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '<html')
    for (const title of ['锦江区柑橘产业现状', '广安市生猪龙头企业', '四川茶叶产业发展趋势']) assert.include(html, title)
    assert.notInclude(html, '尚未签批的草稿')
    assert.notInclude(html, '等待审核的信息')
    assert.include(html, '权属单位：锦江区农业农村局')

    const byKind = await client.get('/info?kind=leading_enterprise').header('HX-Request', 'true')
    assert.notInclude(byKind.text(), '<html')
    assert.include(byKind.text(), '广安市生猪龙头企业')
    assert.notInclude(byKind.text(), '锦江区柑橘产业现状')
    const byIndustry = await client.get('/info?industry=tea')
    assert.include(byIndustry.text(), '四川茶叶产业发展趋势')
    assert.notInclude(byIndustry.text(), '广安市生猪龙头企业')
    const byCity = await client.get('/info?city=510100')
    assert.include(byCity.text(), '锦江区柑橘产业现状')
    assert.notInclude(byCity.text(), '广安市生猪龙头企业')
    const byCounty = await client.get('/info?county_code=510105')
    assert.include(byCounty.text(), '暂时没有符合条件的产业信息')
    const nonsense = await client.get('/info?kind=<script>&industry=durian&city=abc&page=-3')
    nonsense.assertStatus(200)
    assert.include(nonsense.text(), '锦江区柑橘产业现状', 'wrong filters narrow nothing')
  })

  test('the list pages by 20 and carries the filters', async ({ client, assert }) => {
    const author = await infoStaff('51')
    await IndustryRecordFactory.merge({ authorId: author.id, industries: ['fruit'] }).apply('published').createMany(21)
    const first = await client.get('/info?industry=fruit')
    assert.include(first.text(), 'href="?industry=fruit&amp;page=2"')
    const second = await client.get('/info?industry=fruit&page=2')
    assert.equal((second.text().match(/href="\/info\/\d+"/g) ?? []).length, 1)
  })

  test('the record page: text escaped, IP owner and source; an unpublished record is 404 to the public and to staff of other regions', async ({ client, assert }) => {
    const { record } = await recordIn('published')
    const page = await client.get(`/info/${record.id}`)
    page.assertStatus(200)
    assert.include(page.text(), '锦江区柑橘产业发展现状')
    assert.include(page.text(), '本信息权属归 锦江区农业农村局 所有')
    assert.include(page.text(), '锦江区统计年鉴')
    assert.isBelow(Buffer.byteLength(page.text()), 15_000, 'a record page ≤ 15 KB')

    const { record: waiting } = await recordIn('reviewed')
    ;(await client.get(`/info/${waiting.id}`)).assertStatus(404)
    ;(await client.get(`/info/${waiting.id}`).loginAs(await infoStaff('510105'))).assertStatus(404)
    ;(await client.get(`/info/records/${waiting.id}`).loginAs(await infoStaff('510105'))).assertStatus(404)
    ;(await client.get('/info/999999')).assertStatus(404)
  })

  test('the home page shows everyone the way in', async ({ client, assert }) => {
    const home = await client.get('/')
    assert.include(home.text(), 'href="/info"')
    assert.include(home.text(), '产业信息')
  })
})

test.group('Info / browse: full-text search', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('signed-off records are found by their words (page and htmx), filters still apply, records in the making never', async ({ client, assert }) => {
    await recordIn('published', { title: '锦江区柑橘产业发展现状' })
    const tea = await recordIn('published', { region: '510105', title: '青羊区茶叶加工龙头企业' })
    await IndustryRecord.query().where('id', tea.record.id).update({ kind: 'trend' })
    await recordIn('reviewed', { title: '锦江区柑橘冷链仓储建设' })

    const page = await client.get(`/info?q=${encodeURIComponent('柑橘')}`)
    page.assertStatus(200)
    assert.include(page.text(), '锦江区柑橘产业发展现状')
    assert.notInclude(page.text(), '锦江区柑橘冷链仓储建设', 'not signed off: not in the index')
    assert.include(page.text(), '<mark>')
    assert.include(page.text(), 'value="柑橘"')

    const fragment = await client.get(`/info?q=${encodeURIComponent('茶叶')}`).header('HX-Request', 'true')
    assert.notInclude(fragment.text(), '<html')
    assert.include(fragment.text(), '青羊区茶叶加工龙头企业')
    const otherCounty = await client.get(`/info?q=${encodeURIComponent('茶叶')}&county_code=510104`)
    assert.include(otherCounty.text(), '暂时没有符合条件的产业信息')
    const byRegionName = await client.get(`/info?q=${encodeURIComponent('锦江区')}&industry=fruit`)
    assert.include(byRegionName.text(), '锦江区柑橘产业发展现状')
    const nothing = await client.get(`/info?q=${encodeURIComponent('<script>alert(1)</script>')}`)
    nothing.assertStatus(200)
    assert.notInclude(nothing.text(), '<script>alert(1)</script>')
  })
})
