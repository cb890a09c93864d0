import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import { mkdtemp, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ace from '@adonisjs/core/services/ace'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { importCases } from '#core/text/cases_import'
import { similar, upsertDocument } from '#core/text/documents'
import CasesImport from '../../../commands/cases_import.js'
import TextSimilar from '../../../commands/text_similar.js'
import TextEval from '../../../commands/text_eval.js'

const fixtureCases = () => readFileSync(app.makePath('tests/fixtures/text/cases.jsonl'), 'utf8')
const clusters = () => fixtureCases().split('\n').filter(Boolean).map((line) => JSON.parse(line).cluster as string)

/** Imports the 70 fixture cases; returns document id → cluster. */
async function importFixtureCases() {
  const { ids, problems } = await importCases(fixtureCases())
  if (problems.length) throw new Error(JSON.stringify(problems))
  const names = clusters()
  return new Map(ids.map((id, index) => [id, names[index]]))
}

test.group('text index · cases:import', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('bad lines are reported with their line numbers and the rest is imported as solved public cases', async ({ assert }) => {
    const content = [
      '{"text":"水稻叶子上有梭形病斑","answer":"稻瘟病，用三环唑","industry":"grain_oil","county":"510129","created_at":"2021-06-01T08:00:00Z"}',
      '{"text": "没闭合的 JSON',
      '{"answer":"没有问题描述","industry":"","county":"","created_at":""}',
      '{"text":"猪发烧","answer":"","industry":"rice","county":"","created_at":""}',
      '',
      '{"text":"茶叶发红","answer":"","industry":"tea","county":"110101","created_at":""}',
      '{"text":"母猪不发情","answer":"","industry":"","county":"","created_at":""}',
      '{"text":"油菜根上长疙瘩","answer":"根肿病","industry":"grain_oil","county":"510700","created_at":""}',
    ].join('\n')
    const result = await importCases(content)

    assert.equal(result.imported, 2)
    assert.deepEqual(
      result.problems.map((problem) => problem.line),
      [2, 3, 4, 6, 8]
    )
    assert.include(result.problems[1].message, 'text')
    assert.include(result.problems[2].message, 'rice')
    // 510700 is 绵阳市 (a city, not a county); 110101 is in Beijing.
    assert.include(result.problems[3].message, '110101')
    assert.include(result.problems[4].message, '510700')

    const rows = await db.from('text_documents').whereIn('id', result.ids).orderBy('id')
    assert.deepEqual(
      rows.map((row) => [row.source_type, row.solved, row.public, row.industry_code, row.county_code]),
      [
        ['historical_case', true, true, 'grain_oil', '510129'],
        ['historical_case', true, true, null, null],
      ]
    )
    assert.equal(new Date(rows[0].created_at).toISOString(), '2021-06-01T08:00:00.000Z')
    assert.equal((await similar('稻瘟病 梭形病斑'))[0].id, result.ids[0])
  })

  test('the command reads the file, logs each skipped line and a summary', async ({ assert }) => {
    const dir = await mkdtemp(join(tmpdir(), 'cases-'))
    const file = join(dir, 'cases.jsonl')
    await writeFile(file, '{"text":"玉米心叶被虫咬","answer":"草地贪夜蛾"}\nnot json\n')
    ace.ui.switchMode('raw')
    try {
      const command = await ace.create(CasesImport, [file])
      await command.exec()
      command.assertSucceeded()
      const logs = command.logger.getLogs().map((log) => log.message)
      assert.isTrue(logs.some((message) => message.includes('第 2 行已跳过')))
      assert.isTrue(logs.some((message) => message.includes('已导入 1 条案例，跳过 1 行')))
    } finally {
      ace.ui.switchMode('normal')
      await rm(dir, { recursive: true })
    }
    assert.equal((await db.from('text_documents').where('text', '玉米心叶被虫咬')).length, 1)
  })

  test('a missing file is a clear error, not a crash', async ({ assert }) => {
    ace.ui.switchMode('raw')
    try {
      const command = await ace.create(CasesImport, ['/nonexistent/cases.jsonl'])
      await command.exec()
      command.assertFailed()
      assert.isTrue(command.logger.getLogs().some((log) => log.message.includes('无法读取文件')))
    } finally {
      ace.ui.switchMode('normal')
    }
  })
})

test.group('text index · similar', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('farmer paraphrases find their solved case first', async ({ assert }) => {
    const clusterOf = await importFixtureCases()
    const paraphrases: [string, string][] = [
      ['麦子叶叶上长起黄粉粉，一条线一条线的，摸一下手都黄了', 'wheat-stripe-rust'],
      ['小猪儿生下来三四天就屙水屙黄水，还吐，一窝一窝的死', 'pig-ped'],
      ['包谷心心被虫吃烂了，里面好多虫屎像木渣渣，虫子脑壳上有个白色的Y', 'maize-faw'],
      ['母猪怀到后头就流产了，生下来好多死的，母猪耳朵变成紫蓝色', 'pig-prrs'],
      ['油菜秧子中午就焉了，扯起来根上长些大疙瘩，像姜一样', 'rapeseed-clubroot'],
      ['海椒下雨过后一棵一棵的死，秆子底下黑了一圈，像烫了一样', 'pepper-phytophthora'],
    ]
    for (const [text, cluster] of paraphrases) {
      const [first] = await similar(text)
      assert.equal(clusterOf.get(first.id), cluster, text)
      assert.isAbove(first.score, 0)
      assert.include(first.snippet, '<mark>')
    }
    // Hard negatives: the same crop with a different disease (稻瘟病 vs 纹枯病) may outrank, but within the top 3.
    for (const text of [
      '信息员反映：x组农户水稻叶上病斑梭形，中心灰白，湿度大时叶背有灰绿色霉层，请专家指导用药',
      '水稻叶片长了些菱形的褐色斑点，中间是灰色的，边缘有一圈黄，田里一片片的枯了',
    ]) {
      const top = (await similar(text, { limit: 3 })).map((doc) => clusterOf.get(doc.id))
      assert.include(top, 'rice-blast', text)
    }
  })

  test('same industry, then same county, then same city rank first; solved and rated win among equals', async ({ assert }) => {
    const text = '叶子发黄卷曲，长势差'
    const other = await upsertDocument({ sourceType: 'test', sourceId: '1', text, industry: 'grain_oil', county: '511602' })
    const sameIndustry = await upsertDocument({ sourceType: 'test', sourceId: '2', text, industry: 'tea', county: '511602' })
    assert.deepEqual(
      (await similar(text, { industry: 'tea' })).map((doc) => doc.id),
      [sameIndustry, other]
    )
    assert.deepEqual(
      (await similar(text, { industry: 'grain_oil' })).map((doc) => doc.id),
      [other, sameIndustry]
    )

    await db.from('text_documents').where('source_type', 'test').delete()
    const far = await upsertDocument({ sourceType: 'test', sourceId: '3', text, county: '511602' })
    const sameCity = await upsertDocument({ sourceType: 'test', sourceId: '4', text, county: '510105' })
    const sameCounty = await upsertDocument({ sourceType: 'test', sourceId: '5', text, county: '510104' })
    assert.deepEqual(
      (await similar(text, { county: '510104' })).map((doc) => doc.id),
      [sameCounty, sameCity, far]
    )

    await db.from('text_documents').where('source_type', 'test').delete()
    const open = await upsertDocument({ sourceType: 'test', sourceId: '6', text })
    const rated = await upsertDocument({ sourceType: 'test', sourceId: '7', text, solved: true, rating: 5 })
    const solved = await upsertDocument({ sourceType: 'test', sourceId: '8', text, solved: true, rating: 3 })
    assert.deepEqual(
      (await similar(text)).map((doc) => doc.id),
      [rated, solved, open]
    )
  })

  test('upsertDocument keeps the index in sync with the record', async ({ assert }) => {
    const id = await upsertDocument({ sourceType: 'test', sourceId: '42', text: '茶叶嫩叶上起小泡泡' })
    assert.equal((await similar('茶饼病 小泡泡'))[0]?.id, id)
    const again = await upsertDocument({ sourceType: 'test', sourceId: '42', text: '花椒树干流胶' })
    assert.equal(again, id)
    assert.deepEqual(await similar('茶叶嫩叶上起小泡泡'), [])
    assert.equal((await similar('花椒流胶'))[0]?.id, id)
  })

  test('a Chinese typo still meets the case through the words it gets right', async ({ assert }) => {
    const id = await upsertDocument({ sourceType: 'test', sourceId: '1', text: '猕猴桃溃疡病春季防治' })
    await upsertDocument({ sourceType: 'test', sourceId: '2', text: '生猪养殖场消毒办法' })
    const found = await similar('猕猴挑溃疡')
    assert.equal(found[0]?.id, id)
  })

  test('a short query that finds too little lexically is completed by trigrams (misspelt product names)', async ({ assert }) => {
    const lexical = await upsertDocument({ sourceType: 'test', sourceId: '1', text: '三唑酮 防治小麦白粉病' })
    const fuzzy = await upsertDocument({ sourceType: 'test', sourceId: '2', text: '嘧菌酯 azoxystrobin 防治黄瓜霜霉病' })
    await upsertDocument({ sourceType: 'test', sourceId: '3', text: '代森锰锌 mancozeb 可湿性粉剂' })
    assert.deepEqual(
      (await similar('azoxystrobn')).map((doc) => doc.id),
      [fuzzy]
    )
    // Lexical matches come first; trigrams only fill the rest of the list.
    assert.deepEqual(
      (await similar('azoxystrobn 小麦')).map((doc) => doc.id),
      [lexical, fuzzy]
    )
    assert.deepEqual(
      (await similar('azoxystrobn 小麦', { limit: 1 })).map((doc) => doc.id),
      [lexical]
    )
  })

  test('bad input never throws: empty, 10,000 characters, emoji, tsquery and SQL syntax', async ({ assert }) => {
    await importFixtureCases()
    assert.deepEqual(await similar(''), [])
    assert.deepEqual(await similar('   \n\t'), [])
    assert.deepEqual(await similar(null), [])
    assert.deepEqual(await similar('& | ! : * ( ) <-> \'"\\'), [])
    assert.deepEqual(await similar('🐷🐷🌾🙏'), [])

    const long = '水稻叶片上有梭形病斑，'.repeat(1000)
    assert.isAtLeast(long.length, 10_000)
    const started = performance.now()
    assert.isNotEmpty(await similar(long))
    assert.isBelow(performance.now() - started, 2000)

    for (const text of [
      '水稻 & 稻瘟病 | !猪瘟 :* (玉米)',
      "猪瘟'); DROP TABLE text_documents; --",
      '母猪🐷不发情😭咋个办！！！',
      'a:* & b | !c',
      '\u0000水稻\u0000',
    ]) {
      const found = await similar(text, { industry: "x'y", county: '51010%', limit: 1e9 })
      assert.isArray(found, text)
    }
    assert.isNotEmpty(await similar('母猪🐷不发情😭咋个办！！！'))
  })

  test('text:similar --json prints exactly an array of {id, text, score}', async ({ assert }) => {
    const clusterOf = await importFixtureCases()
    ace.ui.switchMode('raw')
    try {
      const command = await ace.create(TextSimilar, ['母猪断奶半个月了都不起草', '--industry', 'pig', '--limit', '3', '--json'])
      await command.exec()
      command.assertSucceeded()
      const logs = command.logger.getLogs()
      assert.lengthOf(logs, 1)
      const found = JSON.parse(logs[0].message)
      assert.lengthOf(found, 3)
      for (const item of found) assert.sameMembers(Object.keys(item), ['id', 'text', 'score'])
      assert.equal(clusterOf.get(found[0].id), 'sow-anestrus')
    } finally {
      ace.ui.switchMode('normal')
    }
  })

  test('text:eval prints recall and MRR for similar and the plain-jieba baseline, and leaves the index as it was', async ({ assert }) => {
    const kept = await upsertDocument({ sourceType: 'test', sourceId: '1', text: '水稻叶片上有梭形病斑' })
    ace.ui.switchMode('raw')
    try {
      const command = await ace.create(TextEval, [])
      await command.exec()
      command.assertSucceeded()
      const rows = command.ui.logger.getLogs().map((log) => log.message).join('\n')
      for (const word of ['recall@3', 'MRR', 'similar + industry', 'plain jieba baseline', '282']) assert.include(rows, word)
    } finally {
      ace.ui.switchMode('normal')
    }
    const documents = await db.from('text_documents')
    assert.deepEqual(
      documents.map((row) => [Number(row.id), row.public]),
      [[kept, true]]
    )
  }).timeout(120_000)
})
