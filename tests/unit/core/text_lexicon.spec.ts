import { test } from '@japa/runner'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import app from '@adonisjs/core/services/app'
import {
  INDUSTRY_CODES,
  LexiconError,
  TEXT_DATA_DIR,
  lexicon,
  loadLexicon,
  parseAgriTerms,
  parseDistinct,
  parseExpansions,
  parseHosts,
  parseSynonyms,
  parseTermIndustries,
  userDictionary,
} from '#core/text/lexicon'

const CATEGORIES = [
  'crop',
  'variety',
  'breed',
  'species',
  'disease',
  'pest',
  'symptom',
  'pesticide',
  'fertilizer',
  'drug',
  'machine',
  'practice',
]

/** Loads a copy of the real data files after `edit`; returns the LexiconError message ('' if none). */
async function loadEdited(edit: (dir: string) => Promise<unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lexicon-'))
  try {
    await cp(TEXT_DATA_DIR, dir, { recursive: true })
    await edit(dir)
    loadLexicon(pathToFileURL(dir + '/'))
    return ''
  } catch (error) {
    if (!(error instanceof LexiconError)) throw error
    return error.message
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

test.group('Lexicon data files', () => {
  test('at least 2,000 distinct agricultural terms, each with a known category', ({ assert }) => {
    const { terms } = lexicon()
    assert.isAtLeast(terms.size, 2000)
    for (const entry of terms.values()) {
      assert.include(CATEGORIES, entry.category, entry.term)
      assert.isAbove(entry.freq, 0)
      assert.isAtLeast(entry.term.length, 2, 'one-character terms would distort segmentation')
    }
  })

  test('every one of the 10+3 industries has its own terms (crops, breeds, diseases…)', ({ assert }) => {
    const perIndustry = new Map<string, number>()
    for (const entry of lexicon().terms.values()) {
      for (const code of entry.industries) perIndustry.set(code, (perIndustry.get(code) ?? 0) + 1)
    }
    for (const code of INDUSTRY_CODES) assert.isAtLeast(perIndustry.get(code) ?? 0, 100, code)
    assert.deepEqual(lexicon().terms.get('川优6203')?.industries, ['grain_oil'])
    assert.deepEqual(lexicon().terms.get('非洲猪瘟')?.industries, ['pig'])
    assert.deepEqual(lexicon().terms.get('吡虫啉')?.industries, [], 'a pesticide of every industry has none')
  })

  test('the industry codes are those of database/data/industries.json', async ({ assert }) => {
    const data = JSON.parse(await readFile(app.makePath('database/data/industries.json'), 'utf8'))
    assert.deepEqual([...INDUSTRY_CODES], data.industries.map((industry: { code: string }) => industry.code))
  })

  test('at least 150 synonym groups; no canonical term is another group’s variant', ({ assert }) => {
    const { synonymGroups, synonyms } = lexicon()
    assert.isAtLeast(synonymGroups.length, 150)
    for (const [canonical] of synonymGroups) assert.isUndefined(synonyms.get(canonical), canonical)
  })

  test('非洲猪瘟 and 猪瘟 are in different synonym groups and listed as distinct', ({ assert }) => {
    const { synonyms, distinct } = lexicon()
    const canonicalOf = (word: string) => synonyms.get(word) ?? word
    assert.notEqual(canonicalOf('非洲猪瘟'), canonicalOf('猪瘟'))
    assert.notEqual(canonicalOf('非瘟'), canonicalOf('猪瘟'))
    assert.include(distinct.get('非洲猪瘟') ?? [], '猪瘟')
  })

  test('the jieba user dictionary lists terms, synonyms and distinct wholes once each', ({ assert }) => {
    const lines = userDictionary(lexicon()).trim().split('\n')
    const words = lines.map((line) => line.split(' ')[0])
    assert.equal(new Set(words).size, words.length)
    assert.includeMembers(words, ['稻瘟病', '秋黏虫', '非洲猪瘟', 'prrs'])
    for (const line of lines) assert.match(line, /^\S+ \d+ [a-z]+$/)
  })
})

test.group('Lexicon parsing refuses bad lines', () => {
  test('a term line without a frequency names its line', ({ assert }) => {
    assert.throws(() => parseAgriTerms('水稻 800 crop\n稻瘟病 disease\n'), LexiconError, 'agri_terms.txt:2')
    assert.throws(() => parseAgriTerms('水稻 800 crop\n水稻 900 crop\n'), 'listed twice')
    assert.throws(() => parseAgriTerms('2,4-滴 800 pesticide\n'), 'not a single word')
  })

  test('comments and blank lines are allowed; terms are normalised', ({ assert }) => {
    const terms = parseAgriTerms('# header\n\nＦ优４９８ 3000 variety  # a comment\n')
    assert.deepEqual(terms, [{ term: 'f优498', freq: 3000, category: 'variety', industries: [] }])
  })

  test('an unknown industry code is refused', ({ assert }) => {
    assert.throws(() => parseTermIndustries('水稻\tgrain_oil,rice\n'), 'agri_term_industries.tsv:1')
    assert.deepEqual(parseTermIndustries('玉米\tgrain_oil,seed\n').get('玉米'), ['grain_oil', 'seed'])
  })

  test('a word in two synonym groups, or a group of one, is refused', ({ assert }) => {
    assert.throws(() => parseSynonyms('稻瘟病 稻瘟\n叶瘟病 稻瘟\n'), 'synonyms.txt:2: "稻瘟" is already in the group on line 1')
    assert.throws(() => parseSynonyms('稻瘟病\n'), 'synonyms.txt:1')
  })

  test('a distinct part must lie inside its whole', ({ assert }) => {
    assert.throws(() => parseDistinct('非洲猪瘟 猪蓝耳病\n'), 'distinct.txt:1')
    assert.deepEqual(parseDistinct('非洲猪瘟 猪瘟\n').get('非洲猪瘟'), ['猪瘟'])
  })

  test('a synonym that bridges a distinct pair is refused when the files are loaded together', async ({
    assert,
  }) => {
    // A made-up whole, so that only the bridging rule (not the one-group-per-word rule) can refuse it.
    const error = await loadEdited(async (dir) => {
      const synonyms = await readFile(join(dir, 'synonyms.txt'), 'utf8')
      await writeFile(join(dir, 'synonyms.txt'), synonyms.replace(/^猪瘟 /m, '猪瘟 非洲猪瘟啊 '))
      await writeFile(join(dir, 'distinct.txt'), '非洲猪瘟啊 猪瘟\n')
    })
    assert.include(error, 'are synonyms in synonyms.txt')
  })

  test('an industry mapping for a term missing from the dictionary is refused', async ({ assert }) => {
    const error = await loadEdited((dir) => writeFile(join(dir, 'agri_term_industries.tsv'), '不存在的词\tpig\n'))
    assert.include(error, '"不存在的词" is not in agri_terms.txt')
  })
  test('head words name exactly one known industry each', async ({ assert }) => {
    assert.equal(lexicon().headWords.get('猪'), 'pig')
    assert.equal(lexicon().headWords.get('高粱'), 'liquor')
    const shared = await loadEdited((dir) => writeFile(join(dir, 'industry_head_words.tsv'), '猪\tpig,fish\n'))
    assert.include(shared, '"猪" must name one industry')
    const unknown = await loadEdited((dir) => writeFile(join(dir, 'industry_head_words.tsv'), '猪\tpork\n'))
    assert.include(unknown, 'industry_head_words.tsv:1')
  })

  test('an expansion line without a tab, without terms, expanding to itself or listed twice is refused', ({ assert }) => {
    assert.throws(() => parseExpansions('叶子发黄 黄化\n', 'symptom'), LexiconError, 'symptoms.tsv:1: expected "phrase<TAB>term term…"')
    assert.throws(() => parseExpansions('# c\n叶子发黄\t\n', 'symptom'), 'symptoms.tsv:2')
    assert.throws(() => parseExpansions('叶子发黄\t黄化\textra\n', 'symptom'), 'symptoms.tsv:1')
    assert.throws(() => parseExpansions('烂根根\t烂根根\n', 'dialect'), 'dialect.tsv:1: "烂根根" expands to itself')
    assert.throws(() => parseExpansions('瘟\t疫病\n瘟\t病\n', 'dialect'), 'dialect.tsv:2: "瘟" is already listed on line 1')
    assert.throws(() => parseExpansions('叶子 发黄\t黄化\n', 'symptom'), 'not a single word')
    assert.deepEqual(parseExpansions('叶子发黄\t黄化 缺氮 黄化  # why\n', 'symptom'), [
      { phrase: '叶子发黄', terms: ['黄化', '缺氮'], kind: 'symptom' },
    ])
  })

  test('a host line needs a family, and a word belongs to one host only', ({ assert }) => {
    assert.throws(() => parseHosts('玉米\n'), LexiconError, 'hosts.txt:1')
    assert.throws(() => parseHosts('玉米 玉米 苞谷\n高粱 高粱 苞谷\n'), 'hosts.txt:2: "苞谷" is already a host on line 1')
    assert.deepEqual(parseHosts('草鱼 鱼 鲩鱼\n'), [{ name: '草鱼', family: '鱼', words: ['草鱼', '鲩鱼'] }])
  })

  test('a host word that synonyms.txt maps to another host is refused when the files are loaded together', async ({ assert }) => {
    const error = await loadEdited(async (dir) => {
      const hosts = await readFile(join(dir, 'hosts.txt'), 'utf8')
      await writeFile(join(dir, 'hosts.txt'), `${hosts}\n土豆二号 土豆二号 柑子\n`)
    })
    assert.include(error, '"柑子" is the synonym of "柑橘"')
    const both = await loadEdited(async (dir) => {
      const dialect = await readFile(join(dir, 'dialect.tsv'), 'utf8')
      await writeFile(join(dir, 'dialect.tsv'), `${dialect}\n叶子发黄\t黄化\n`)
    })
    assert.include(both, '"叶子发黄" is in both symptoms.tsv and dialect.tsv')
  })

  test('the real host and expansion files load: 苞谷 is 玉米, 二荆条 a 辣椒, 草鱼 a fish', ({ assert }) => {
    const { hosts, expansions } = lexicon()
    assert.equal(hosts.get('苞谷')?.name, '玉米')
    assert.equal(hosts.get('洋芋')?.name, '马铃薯')
    assert.equal(hosts.get('二荆条')?.name, '辣椒')
    assert.equal(hosts.get('草鱼')?.family, '鱼')
    assert.isAtLeast(expansions.filter((e) => e.kind === 'symptom').length, 50)
    assert.isAtLeast(expansions.filter((e) => e.kind === 'dialect').length, 30)
  })
})
