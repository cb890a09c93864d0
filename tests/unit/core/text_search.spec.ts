import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { RegionScope } from '#core/regions/region_scope'
import { allWordsQuery, registerDirectorySource, search, similar, upsertDocument, type TextDocumentInput } from '#core/text/documents'
import { fuzzyText } from '#core/text/normalize'
import { TokenStatistics, candidateQuery, forgetTokenStatistics, tokenStatistics } from '#core/text/token_statistics'

/** An expert's directory entry as the profiles area indexes it. */
function expert(sourceId: string, text: string, extra: Partial<TextDocumentInput> = {}) {
  return upsertDocument({ sourceType: 'expert', sourceId, text, solved: false, ...extra })
}

const ids = (hits: { sourceId: string | null }[]) => hits.map((hit) => hit.sourceId)

test.group('text index · search (directories)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every token must match when some document has them all; the best match ranks first', async ({ assert }) => {
    await expert('1', '四川农业大学 研究员 猕猴桃 溃疡病 防治 果树栽培', { industry: 'fruit', county: '510129' })
    await expert('2', '猕猴桃 种植 技术推广 果园管理', { industry: 'fruit', county: '510129' })
    await expert('3', '柑橘 溃疡病 防治 农药使用', { industry: 'fruit', county: '510129' })

    const hits = await search('猕猴桃溃疡病怎么防治', { sourceType: 'expert' })
    assert.deepEqual(ids(hits), ['1'])
    assert.isAbove(hits[0].score, 0)
    assert.include(hits[0].snippet, '<mark>猕猴桃</mark>')
  })

  test('when no document has every token, documents with any of them are listed, most matches first', async ({ assert }) => {
    await expert('1', '猕猴桃 种植 果园管理', { rating: 3 })
    await expert('2', '柑橘 溃疡病 防治 农药使用')
    await expert('3', '猕猴桃 溃疡病 防治 专家', { rating: 5 })
    await expert('4', '生猪 养殖 非洲猪瘟 防控')

    assert.deepEqual(ids(await search('猕猴桃 溃疡病 修剪', { sourceType: 'expert' })).slice(0, 1), ['3'])
    const hits = await search('猕猴桃 溃疡病 修剪', { sourceType: 'expert' })
    assert.sameMembers(ids(hits), ['1', '2', '3'])
    assert.notInclude(ids(hits), '4')
  })

  test('only the requested source type, industry (main or any other), scope and labels', async ({ assert }) => {
    const text = '水稻 稻瘟病 防治 植保'
    await expert('1', text, { industry: 'grain_oil', county: '510104', tags: ['level:county'] })
    await expert('2', text, { industry: 'vegetable', county: '510129', tags: ['industry:grain_oil', 'level:city'] })
    await expert('3', text, { industry: 'tea', county: '511602', tags: ['level:province'] })
    await upsertDocument({ sourceType: 'consultation', sourceId: '1', text, industry: 'grain_oil', county: '510104', solved: true })

    assert.sameMembers(ids(await search('稻瘟病 防治', { sourceType: 'expert' })), ['1', '2', '3'])
    assert.sameMembers(ids(await search('稻瘟病 防治', { sourceType: 'expert', industry: 'grain_oil' })), ['1', '2'])
    assert.sameMembers(ids(await search('稻瘟病 防治', { sourceType: 'expert', industry: 'vegetable' })), ['2'])
    assert.sameMembers(ids(await search('稻瘟病 防治', { sourceType: 'expert', scope: RegionScope.fromPrefix('5101') })), ['1', '2'])
    assert.sameMembers(ids(await search('稻瘟病 防治', { sourceType: 'expert', scope: RegionScope.fromRegionCode('510104') })), ['1'])
    assert.sameMembers(ids(await search('稻瘟病 防治', { sourceType: 'expert', scope: RegionScope.province })), ['1', '2', '3'])
    assert.sameMembers(ids(await search('稻瘟病 防治', { sourceType: 'expert', tags: ['level:city'] })), ['2'])
    assert.deepEqual(ids(await search('稻瘟病 防治', { sourceType: 'consultation' })), ['1'])
    assert.deepEqual(await search('稻瘟病 防治', { sourceType: 'expert', industry: 'pig' }), [])
    assert.deepEqual(await search('稻瘟病 防治', { sourceType: 'expert', scope: RegionScope.fromPrefix('5119') }), [])
  })

  test('a crop or animal is found by any of its names: 苞谷 finds 玉米, 玉米 finds 包谷', async ({ assert }) => {
    await expert('1', '玉米 种子 化肥 销售', { industry: 'grain_oil' })
    await expert('2', '包谷 鲜食 糯包谷', { industry: 'grain_oil' })
    await expert('3', '水稻 种子 销售', { industry: 'grain_oil' })

    const hits = await search('苞谷种子', { sourceType: 'expert' })
    assert.deepEqual(ids(hits), ['1'])
    assert.include(hits[0].snippet, '<mark>玉米</mark>')
    assert.sameMembers(ids(await search('玉米', { sourceType: 'expert' })), ['1', '2'])
    // The farmer's own word ranks first: the other names only widen what is found.
    assert.deepEqual(ids(await search('包谷', { sourceType: 'expert' })), ['2', '1'])
    // Every word is still required, each by any of its names.
    assert.deepEqual(ids(await search('苞谷 化肥', { sourceType: 'expert' })), ['1'])
  })

  test('a private document is never listed', async ({ assert }) => {
    await expert('1', '茶叶 茶饼病 防治', { public: false })
    assert.deepEqual(await search('茶饼病', { sourceType: 'expert' }), [])
    assert.deepEqual(await search('', { sourceType: 'expert' }), [])
  })

  test('pages do not overlap and together list every match in one order', async ({ assert }) => {
    for (let i = 1; i <= 7; i++) await expert(String(i), `生猪 养殖 ${'仔猪腹泻 '.repeat(i)}`)
    const all = ids(await search('生猪 仔猪腹泻', { sourceType: 'expert', limit: 100 }))
    assert.lengthOf(all, 7)
    const pages = [
      ...(await search('生猪 仔猪腹泻', { sourceType: 'expert', limit: 3, offset: 0 })),
      ...(await search('生猪 仔猪腹泻', { sourceType: 'expert', limit: 3, offset: 3 })),
      ...(await search('生猪 仔猪腹泻', { sourceType: 'expert', limit: 3, offset: 6 })),
    ]
    assert.deepEqual(ids(pages), all)
    // AND is decided over the whole directory: page 3 stays AND even if it holds nothing.
    assert.deepEqual(await search('生猪 仔猪腹泻', { sourceType: 'expert', limit: 3, offset: 9 }), [])
  })

  test('a Chinese typo finds the entry through the words it gets right', async ({ assert }) => {
    await expert('1', '猕猴桃溃疡病春季防治')
    await expert('2', '生猪养殖场消毒办法')
    assert.deepEqual(ids(await search('猕猴挑溃疡', { sourceType: 'expert' })).slice(0, 1), ['1'])
  })

  test('when no token matches at all, trigrams find misspelt words', async ({ assert }) => {
    await expert('1', '农药 azoxystrobin 嘧菌酯 使用技术')
    await expert('2', '农药 mancozeb 代森锰锌')
    assert.deepEqual(ids(await search('azoxystrobn', { sourceType: 'expert' })), ['1'])
    assert.deepEqual(ids(await search('azoxystrobn', { sourceType: 'expert', offset: 1 })), [])
    // A lexical match, however weak, wins over trigram guesses.
    assert.deepEqual(ids(await search('mancozeb azoxystrobn', { sourceType: 'expert' })), ['2'])
  })

  test('trigrams compare the words of other scripts than Han, whatever the database ctype', async ({ assert }) => {
    assert.equal(fuzzyText('嘧菌酯 Azoxystrobin（阿米西达）25%悬浮剂 བོད་ལྗོངས'), 'azoxystrobin 25 བོད ལྗོངས')
    assert.equal(fuzzyText('猕猴桃溃疡病'), '')
    await expert('1', '四川农业大学 mihoutao 猕猴桃 栽培')
    const stored = await db.from('text_documents').where('source_id', '1').select('normalized_text').firstOrFail()
    assert.equal(stored.normalized_text, 'mihoutao')
    assert.deepEqual(ids(await search('mihoutau', { sourceType: 'expert' })), ['1'])
    // A Chinese typo with no word right finds nothing rather than a trigram guess.
    assert.deepEqual(await search('弥侯', { sourceType: 'expert' }), [])
    // The embedded cluster's ctype sees Han and Tibetan as letters (sorting stays C).
    const { rows } = await db.rawQuery(`SELECT datctype AS ctype, datcollate AS collate, cardinality(show_trgm('བོད')) AS tibetan
      FROM pg_database WHERE datname = current_database()`)
    if (!process.env.TEST_DATABASE_URL) {
      assert.deepInclude(rows[0], { ctype: 'C.UTF-8', collate: 'C' })
      assert.isAbove(rows[0].tibetan, 0)
    }
  })

  test('a query without words lists the filtered directory, best rated first', async ({ assert }) => {
    await expert('1', '茶叶 栽培', { rating: 3, industry: 'tea' })
    await expert('2', '茶叶 加工', { rating: 5, industry: 'tea' })
    await expert('3', '生猪 养殖', { industry: 'pig' })
    assert.deepEqual(ids(await search('', { sourceType: 'expert' })), ['2', '1', '3'])
    assert.deepEqual(ids(await search('🙏', { sourceType: 'expert', industry: 'tea' })), ['2', '1'])
    const [first] = await search(null, { sourceType: 'expert', limit: 1 })
    assert.equal(first.score, 0)
    assert.equal(first.snippet, '茶叶 加工')
  })

  test('bad input never throws: tsquery and SQL syntax, emoji, 10,000 characters, silly limits', async ({ assert }) => {
    await expert('1', '水稻 稻瘟病 防治', { industry: 'grain_oil', county: '510104' })
    for (const query of [
      '& | ! : * ( )',
      '水稻 & 稻瘟病 | !猪瘟 :* (玉米)',
      "稻瘟病'); DROP TABLE text_documents; --",
      'a:* & b | !c <-> d',
      '🐷🌾😭',
      '\u0000稻瘟病\u0000',
      '稻瘟病，'.repeat(2500),
      ['稻瘟病'],
      42,
    ]) {
      const hits = await search(query, { sourceType: 'expert', industry: "x'y", limit: 1e9, offset: -5 })
      assert.isArray(hits, String(query).slice(0, 20))
    }
    const long = '水稻稻瘟病防治，'.repeat(1250)
    assert.isAtLeast(long.length, 10_000)
    const started = performance.now()
    assert.deepEqual(ids(await search(long, { sourceType: 'expert' })), ['1'])
    assert.isBelow(performance.now() - started, 2000)
    assert.deepEqual(ids(await search('水稻 & 稻瘟病 | !', { sourceType: 'expert', limit: Number.NaN, offset: Number.NaN })), ['1'])
  })

  test('找类似 never offers directory entries, unless asked for that source type', async ({ assert }) => {
    // A directory is whatever a module registers (experts does from its start file).
    registerDirectorySource('expert')
    const text = '水稻叶片上有梭形病斑，中间灰白色'
    await expert('1', text)
    const caseId = await upsertDocument({ sourceType: 'consultation', sourceId: '9', text, solved: true })
    assert.deepEqual(
      (await similar(text)).map((doc) => doc.id),
      [caseId]
    )
    assert.deepEqual(
      (await similar(text, { sourceTypes: ['expert'] })).map((doc) => doc.sourceId),
      ['1']
    )
    assert.deepEqual(await similar(text, { ids: [] }), [])
  })
})

test.group('text index · allWordsQuery', () => {
  test('a compound word is satisfied by itself or by all its largest pieces; every word is required', ({ assert }) => {
    assert.equal(
      allWordsQuery(['猕猴', '溃疡', '猕猴桃', '溃疡病', '猕猴桃溃疡病', '防治']),
      "('猕猴桃溃疡病' | ('猕猴桃' & '溃疡病')) & '防治'"
    )
    assert.equal(allWordsQuery(['生猪']), "'生猪'")
  })
})

test.group('text index · candidates by token frequency', () => {
  /** Statistics of a 1 M-document index: share of documents per token. */
  const statistics = new TokenStatistics(
    1_000_000,
    new Map([
      ['叶子', 0.06],
      ['发黄', 0.03],
      ['黄瓜', 0.01],
      ['霜霉病', 0.0008],
      ['咋个办', 0.1],
    ]),
    0.0002
  )

  test('the rarest tokens find the candidates, as many as the budget allows; common ones only rank', ({ assert }) => {
    assert.equal(statistics.expected('霜霉病'), 800)
    // Unlisted tokens are rarer than the floor: half of it is assumed.
    assert.equal(statistics.expected('叶脉'), 100)
    assert.deepEqual(candidateQuery(['叶子', '霜霉病', '黄瓜', '叶脉', '咋个办'], statistics, 1000), { query: "'叶脉' | '霜霉病'", broad: false })
    assert.deepEqual(candidateQuery(['叶子', '霜霉病', '黄瓜', '叶脉'], statistics, 20_000), { query: "'叶脉' | '霜霉病' | '黄瓜'", broad: false })
  })

  test('when every token is common, candidates hold the rarest with one of the next rarest', ({ assert }) => {
    assert.deepEqual(candidateQuery(['叶子', '发黄', '黄瓜', '咋个办'], statistics, 1000), {
      query: "'黄瓜' & ('发黄' | '叶子' | '咋个办')",
      broad: false,
    })
    // A piece of the rarest token is no companion: the token holds it anyway.
    const pieces = new TokenStatistics(1_000_000, new Map([['黄瓜叶子', 0.005], ['黄瓜', 0.01], ['叶子', 0.06]]), 0.0002)
    assert.deepEqual(candidateQuery(['黄瓜', '叶子', '黄瓜叶子'], pieces, 1000), { query: "'黄瓜叶子'", broad: true })
    // One common word alone is all there is: a broad query, ranked from fewer candidates.
    assert.deepEqual(candidateQuery(['叶子'], statistics, 1000), { query: "'叶子'", broad: true })
  })

  test('without statistics (a new or small index) every token finds candidates', ({ assert }) => {
    assert.deepEqual(candidateQuery(['叶子', '霜霉病'], TokenStatistics.empty, 1000), { query: "'叶子' | '霜霉病'", broad: false })
    assert.deepEqual(candidateQuery([], TokenStatistics.empty, 1000), { query: '', broad: false })
  })
})

test.group('text index · token statistics from Postgres', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => forgetTokenStatistics())

  test('ANALYZE gives each token its share of documents, and similar() still finds the rare one', async ({ assert }) => {
    for (let i = 0; i < 40; i++) await upsertDocument({ sourceType: 'test', sourceId: String(i), text: `黄瓜叶子发黄 第${i}块地` })
    const rare = await upsertDocument({ sourceType: 'test', sourceId: 'rare', text: '黄瓜叶子发黄 叶背有霜霉病的霉层' })
    await db.rawQuery('ANALYZE text_documents')
    forgetTokenStatistics()
    const statistics = await tokenStatistics()
    assert.isAbove(statistics.documents, 40)
    assert.isAbove(statistics.expected('黄瓜'), 35)
    assert.isBelow(statistics.expected('霜霉病'), statistics.expected('黄瓜'))
    assert.equal((await similar('黄瓜 霜霉病'))[0]?.id, rare)
  })
})
