import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { BOSS_SCHEMA } from '#core/jobs/boss'
import { refreshAround, REFRESH_LINKS_JOB } from '#modules/info/shared/record_links'
import { checklistOf, reviewRecord, signOffRecord, withdrawRecord } from '#modules/info/reviews/review_actions'
import { submitRecord } from '#modules/info/records/record_actions'
import { recordIn } from '#tests/fixtures/info/records'
import { publishedEntry } from '#tests/fixtures/experts/knowledge'
import { withdrawEntry } from '#modules/experts/knowledge/knowledge_actions'
import { staffOf } from '#tests/fixtures/experts/consultations'

/** The link refreshes the steps queued (in this test's transaction), run as the worker would. */
async function runQueuedRefreshes() {
  const jobs = await db.from(`${BOSS_SCHEMA}.job`).where('name', REFRESH_LINKS_JOB).orderBy('created_on').select('data')
  for (const job of jobs) await refreshAround(Number(job.data.recordId))
  return jobs.length
}

async function published(title: string, body: string, options: { region?: string; industry?: string } = {}) {
  const parties = await recordIn('draft', { title, region: options.region })
  parties.record.body = body
  if (options.industry) parties.record.industries = [options.industry]
  await parties.record.save()
  await submitRecord({ actor: parties.author, ip: null }, parties.record.id)
  await reviewRecord({ actor: parties.reviewer, ip: null }, parties.record.id, checklistOf({}))
  await signOffRecord({ actor: parties.signer, ip: null }, parties.record.id)
  return parties
}

test.group('Info / browse: 相关信息', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('on sign-off a job links the record to the nearest published records (both ways), stored, and the page lists them; an unrelated one is not listed', async ({ client, assert }) => {
    const first = await published('锦江区柑橘春见品种推广', '<p>锦江区柑橘春见品种推广面积扩大，柑橘水肥一体化技术普及，柑橘亩产提高。</p>', { industry: 'fruit' })
    const second = await published('锦江区柑橘绿色防控技术', '<p>柑橘绿色防控技术在锦江区推广，柑橘春见和不知火品种病虫害减少，柑橘品质提升。</p>', { industry: 'fruit' })
    const other = await published('锦江区茶叶加工企业情况', '<p>茶叶加工企业扩建生产线，绿茶和红茶产量增加，茶园管理规范。</p>', { industry: 'tea' })
    assert.isAtLeast(await runQueuedRefreshes(), 3)

    const stored = await db.from('info_record_links').where('record_id', second.record.id).select('linked_id')
    assert.includeMembers(stored.map((row) => Number(row.linked_id)), [Number(first.record.id)])
    // The earlier record learned of the later one through the refresh of its neighbours.
    const back = await db.from('info_record_links').where('record_id', first.record.id).select('linked_id')
    assert.includeMembers(back.map((row) => Number(row.linked_id)), [Number(second.record.id)])

    const page = (await client.get(`/info/${second.record.id}`)).text()
    assert.include(page, '相关信息')
    assert.include(page, `href="/info/${first.record.id}"`)
    assert.notInclude(page, `href="/info/${other.record.id}"`)
    assert.include(page, 'href="/experts?industry=fruit&amp;county_code=510104"')
  })

  test('a withdrawn record leaves its neighbours\' 相关信息 at once, and its own are cleared by the job', async ({ client, assert }) => {
    const first = await published('锦江区柑橘春见品种推广', '<p>锦江区柑橘春见品种推广面积扩大，柑橘水肥一体化技术普及，柑橘亩产提高。</p>', { industry: 'fruit' })
    const second = await published('锦江区柑橘绿色防控技术', '<p>柑橘绿色防控技术在锦江区推广，柑橘春见和不知火品种病虫害减少，柑橘品质提升。</p>', { industry: 'fruit' })
    await runQueuedRefreshes()
    assert.include((await client.get(`/info/${second.record.id}`)).text(), `href="/info/${first.record.id}"`)
    await withdrawRecord({ actor: first.signer, ip: null }, first.record.id, '数据有误，需要更正')
    assert.notInclude((await client.get(`/info/${second.record.id}`)).text(), `href="/info/${first.record.id}"`)
    await runQueuedRefreshes()
    assert.lengthOf(await db.from('info_record_links').where('record_id', first.record.id), 0)
  })

  test('on sign-off the record is linked to the nearest knowledge entry of its industry (through experts\' 找类似), listed on its page; a withdrawn entry leaves it', async ({ client, assert }) => {
    const { entry } = await publishedEntry({
      industry: 'fruit',
      text: '柑橘春见叶片发黄，果实有溃疡病斑点，柑橘园该怎么防治？',
      answer: '这是柑橘溃疡病，剪除病枝，用氢氧化铜喷雾，雨后补喷一次。',
    })
    const unrelated = await publishedEntry({ industry: 'tea', text: '茶树叶片有小绿叶蝉为害，怎么防治？', answer: '用色板诱杀，必要时喷施苦参碱。' })
    const { record } = await published('锦江区柑橘溃疡病绿色防控', '<p>柑橘溃疡病和春见品种防控技术推广。</p>', { industry: 'fruit' })
    await runQueuedRefreshes()

    const page = (await client.get(`/info/${record.id}`)).text()
    assert.include(page, '农技问答')
    assert.include(page, `href="/knowledge/${entry.id}"`)
    assert.notInclude(page, `href="/knowledge/${unrelated.entry.id}"`)
    assert.notInclude(page, '暂无相关信息')

    await withdrawEntry(await staffOf(entry.countyCode), entry.id, '答复需要更新')
    const after = (await client.get(`/info/${record.id}`)).text()
    assert.notInclude(after, `href="/knowledge/${entry.id}"`)
    assert.include(after, '暂无相关信息')
  })

  test('a record without neighbours says so', async ({ client }) => {
    const { record } = await recordIn('published')
    const page = await client.get(`/info/${record.id}`)
    page.assertTextIncludes('暂无相关信息')
  })
})
