import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { MIN_SCORE, similar, upsertDocument } from '#core/text/documents'
import { COMPLETION_WEIGHT, DIALECT_WEIGHT, HOST_WORD_WEIGHT, SYMPTOM_WEIGHT, queryTerms } from '#core/text/query_terms'
import { HOST_MISMATCH, HOST_SIBLING, hostFactor, rankCandidates, type Candidate } from '#core/text/ranking'
import { lexicon } from '#core/text/lexicon'
import { segmenter, tokenize } from '#core/text/segmenter'
import { forgetTokenStatistics } from '#core/text/token_statistics'

const terms = (text: string) => queryTerms(text, [...new Set(tokenize(text))])

test.group('找类似 · query expansion', () => {
  test('苞谷叶子发黄 reaches 玉米 and 黄化, with lower weights than its own words', ({ assert }) => {
    const query = terms('苞谷叶子发黄')
    assert.equal(query.weights.get('苞谷'), 1)
    assert.equal(query.weights.get('玉米'), HOST_WORD_WEIGHT)
    assert.equal(query.weights.get('黄化'), SYMPTOM_WEIGHT)
    assert.isBelow(query.weights.get('玉米')!, 1)
    assert.deepEqual(query.hosts.map((host) => host.name), ['玉米'])
  })

  test('dialect forms reach the standard word: 烂根根 → 根腐, 打药 → 喷药, 洋芋瘟 → 马铃薯', ({ assert }) => {
    assert.isAbove(terms('猕猴桃烂根根').weights.get('根腐') ?? 0, 0)
    assert.equal(terms('牛喂啥子长得快').weights.get('日粮'), DIALECT_WEIGHT)
    assert.deepEqual(terms('洋芋瘟了').hosts.map((host) => host.name), ['马铃薯'])
  })

  test('a disease written without its last character reaches the term (稻曲 → 稻曲病), at a lower weight', ({ assert }) => {
    assert.equal(terms('稻曲').weights.get('稻曲病'), COMPLETION_WEIGHT)
    assert.isFalse(terms('水稻').weights.has('水稻病'))
  })

  test('a query names its host in any of its words, and those words find candidates', ({ assert }) => {
    const query = terms('青脆李快熟了烂了')
    assert.deepEqual(query.hosts.map((host) => host.name), ['李'])
    assert.includeMembers(query.hostWords, ['李子', '李树'])
    assert.isFalse(query.weights.has('李树'))
  })

  test('plain jieba (the baseline) has no expansion', async ({ assert }) => {
    const { baselineSegmenter } = await import('#core/text/segmenter')
    const cut = baselineSegmenter()
    const query = queryTerms('苞谷叶子发黄', [...new Set(cut.tokenize('苞谷叶子发黄'))], cut)
    assert.isFalse(query.weights.has('玉米'))
  })
})

test.group('找类似 · field-aware ranking', () => {
  const hosts = (...names: string[]) => names.map((name) => lexicon().hosts.get(name)!)

  test('the same host keeps its score; a sibling less; another host least', ({ assert }) => {
    assert.equal(hostFactor(hosts('水稻'), hosts('水稻')), 1)
    assert.equal(hostFactor(hosts('鱼'), hosts('草鱼')), 1)
    assert.equal(hostFactor(hosts('草鱼'), hosts('鲢鱼')), HOST_SIBLING)
    assert.equal(hostFactor(hosts('水稻'), hosts('柑橘')), HOST_MISMATCH)
    assert.equal(hostFactor([], hosts('柑橘')), 1)
  })

  test('a rice blast question never ranks a citrus answer above a rice answer (in memory)', ({ assert }) => {
    const cut = segmenter()
    const doc = (id: number, text: string, answer: string): Candidate => ({
      id, textTokens: cut.tokenize(text), answerTokens: cut.tokenize(answer), industry: null, county: null, solved: true, rating: null,
    })
    // The citrus case shares every symptom word; the rice case only some of them.
    const citrus = doc(1, '柑橘叶片上有褐色病斑，中间灰白色，边缘黄色晕圈，病斑连成片叶子枯了，连续下雨', '柑橘炭疽病，喷咪鲜胺')
    const rice = doc(2, '水稻叶上梭形病斑', '稻瘟病，三环唑')
    for (const question of ['水稻叶片上褐色病斑 中间灰白色 边缘黄色晕圈 叶子枯了 连续下雨', '谷子叶叶上病斑中间灰白 边上黄 连续下雨 叶子枯了']) {
      const query = terms(question)
      const ranked = rankCandidates(query, [citrus, rice], { idf: () => 1 })
      assert.deepEqual(ranked.map((hit) => hit.id), [2, 1], question)
    }
  })
})

test.group('找类似 · field-aware ranking and bad input (Postgres)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => forgetTokenStatistics())

  test('a rice blast question ranks the rice case above a citrus case sharing its symptom words', async ({ assert }) => {
    const citrus = await upsertDocument({
      sourceType: 'test', sourceId: 'citrus', solved: true, industry: 'fruit',
      text: '柑橘叶片上出现褐色病斑，中间灰白色，边缘有黄色晕圈，病斑连成一片，叶子枯死，最近连续下雨',
      answer: '这是柑橘炭疽病，雨后喷咪鲜胺。',
    })
    const rice = await upsertDocument({
      sourceType: 'test', sourceId: 'rice', solved: true, industry: 'grain_oil',
      text: '水稻分蘖期叶片上有梭形褐色病斑，中间灰白色', answer: '这是稻瘟病，用三环唑。',
    })
    const found = await similar('水稻叶子上褐色病斑 中间灰白色 边缘黄色晕圈 连成一片 叶子枯死 连续下雨', { minScore: 0 })
    assert.deepEqual(found.map((doc) => doc.id), [rice, citrus])
  })

  test('nothing is suggested below MIN_SCORE', async ({ assert }) => {
    await upsertDocument({ sourceType: 'test', sourceId: 'a', solved: true, text: '猪不吃食，发烧，皮肤发红，耳朵发紫', answer: '猪丹毒，用青霉素。' })
    const weak = '茶叶加工 杀青 温度 揉捻 发酵 烘干 机器 价格 发红'
    assert.lengthOf(await similar(weak, { minScore: MIN_SCORE }), 0)
    const all = await similar(weak)
    assert.isNotEmpty(all)
    for (const doc of all) assert.isBelow(doc.score, MIN_SCORE)
    assert.isAbove((await similar('猪不吃食 发烧', { minScore: MIN_SCORE }))[0]?.score ?? 0, MIN_SCORE)
  })

  test('bad input never errors and each query is fast: empty, one character, 5,000 characters, emoji, tsquery syntax, mixed scripts', async ({ assert }) => {
    await upsertDocument({ sourceType: 'test', sourceId: 'rice', solved: true, text: '水稻稻瘟病 叶片病斑', answer: '三环唑' })
    const inputs: unknown[] = [
      '', ' ', '稻', '病', '水稻稻瘟病咋个办'.repeat(625), '🐷🌾😭🙏', '，。！？…', '& | ! :* ( )', "!稻瘟病 & (水稻 | :*) <-> '",
      '水稻 rice 稻瘟病 ཞིང་ལས། ꆈꌠ борьба 🌾', null, 42, ['稻瘟病'],
    ]
    for (const input of inputs) {
      const started = performance.now()
      const found = await similar(input)
      const ms = performance.now() - started
      assert.isArray(found)
      assert.isBelow(ms, 300, String(input).slice(0, 20))
    }
    assert.isAtLeast(('水稻稻瘟病咋个办'.repeat(625)).length, 5000)
  })
})
