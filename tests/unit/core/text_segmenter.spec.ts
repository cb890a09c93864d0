import { test } from '@japa/runner'
import { baselineSegmenter, segmenter, tokenize, toTsText } from '#core/text/segmenter'

/** What may ever leave the segmenter: letters, marks and digits, starting with a letter or digit. */
const SAFE = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}]*$/u

function assertSafe(assert: { isTrue(value: boolean, message?: string): void }, tokens: string[]) {
  for (const token of tokens) {
    assert.isTrue(SAFE.test(token) && token.length <= 32, `unsafe token ${JSON.stringify(token)}`)
  }
}

test.group('Segmenter: agricultural terms', () => {
  test('a farmer text keeps dictionary terms whole: 水稻 and 病斑, no stray characters', ({ assert }) => {
    const tokens = tokenize('水稻叶子上有梭形病斑')
    assert.includeMembers(tokens, ['水稻', '叶子', '病斑'])
    assert.notIncludeMembers(tokens, ['梭', '斑', '有', '上'])
  })

  test('varieties, breeds and machines stay one token where plain jieba cuts them apart', ({ assert }) => {
    for (const term of ['川优6203', '宜香优2115', '福鼎大白茶', '成华猪', '南江黄羊', '植保无人机', '猕猴桃溃疡病']) {
      assert.include(tokenize(`我家的${term}今年怎么样`), term)
    }
    assert.notInclude(baselineSegmenter().tokenize('川优6203'), '川优6203')
  })

  test('search mode adds the terms inside a long term: the crop and the disease of 猕猴桃溃疡病', ({ assert }) => {
    assert.includeMembers(tokenize('猕猴桃溃疡病'), ['猕猴桃溃疡病', '猕猴桃', '溃疡病'])
  })

  test('the segmenter is built once per process', ({ assert }) => {
    assert.strictEqual(segmenter(), segmenter())
  })
})

test.group('Segmenter: synonyms', () => {
  test('稻瘟, 穗颈瘟, 叶瘟 and the misspelt 稻温病 all become 稻瘟病', ({ assert }) => {
    for (const variant of ['稻瘟', '穗颈瘟', '叶瘟', '稻温病', '水稻稻瘟病']) {
      const tokens = tokenize(`是不是${variant}`)
      assert.include(tokens, '稻瘟病', variant)
      assert.notInclude(tokens, variant)
    }
  })

  test('秋黏虫 is 草地贪夜蛾 and never yields 黏虫, a different pest', ({ assert }) => {
    const tokens = tokenize('包谷心叶遭秋黏虫咬烂了')
    assert.include(tokens, '草地贪夜蛾')
    assert.notInclude(tokens, '黏虫')
    assert.notInclude(tokens, '秋黏虫')
  })

  test('非洲猪瘟 and 猪瘟 stay distinct; ASF, 非瘟 and misspellings map to 非洲猪瘟', ({ assert }) => {
    const asf = tokenize('我家猪得了非洲猪瘟')
    assert.include(asf, '非洲猪瘟')
    assert.notInclude(asf, '猪瘟')
    for (const variant of ['非瘟', 'ASF', 'ａｓｆ', '非州猪瘟', '非洲猪温']) {
      const tokens = tokenize(`怀疑是${variant}`)
      assert.include(tokens, '非洲猪瘟', variant)
      assert.notInclude(tokens, '猪瘟', variant)
    }
    const csf = tokenize('没打猪瘟疫苗，怕是猪瘟')
    assert.include(csf, '猪瘟')
    assert.notInclude(csf, '非洲猪瘟')
  })

  test('猪伪狂犬病 never yields 狂犬病 (rabies)', ({ assert }) => {
    const tokens = tokenize('猪伪狂犬病疫苗咋个打')
    assert.include(tokens, '猪伪狂犬病')
    assert.notInclude(tokens, '狂犬病')
  })

  test('蓝耳病, PRRS and 猪繁殖与呼吸综合征 are one disease', ({ assert }) => {
    for (const variant of ['蓝耳病', 'PRRS', '猪繁殖与呼吸综合征', '蓝耳']) {
      assert.include(tokenize(`母猪${variant}`), '猪蓝耳病', variant)
    }
  })

  test('colloquial words map to the expert term: 不吃食, 打药, 红蜘蛛, 拉稀, 包包白', ({ assert }) => {
    assert.include(tokenize('猪不吃食'), '食欲不振')
    assert.include(tokenize('猪不爱吃'), '食欲不振')
    assert.include(tokenize('明天去打药'), '喷药')
    assert.include(tokenize('橘子树长红蜘蛛'), '螨虫')
    assert.include(tokenize('小猪拉稀'), '腹泻')
    assert.include(tokenize('包包白烂心'), '甘蓝')
  })
})

test.group('Segmenter: normalisation and stop words', () => {
  test('full-width letters and digits are folded, upper case lowered', ({ assert }) => {
    assert.include(tokenize('Ｆ优４９８'), 'f优498')
    assert.include(tokenize('ＰＲＲＳ'), '猪蓝耳病')
  })

  test('stop words and question words are dropped', ({ assert }) => {
    const tokens = tokenize('请问专家，我家的水稻怎么办啊？')
    assert.deepEqual(tokens, ['水稻'])
  })

  test('Tibetan, Yi and Cyrillic stay whole words instead of being cut into letters', ({ assert }) => {
    const tokens = tokenize('ཞིང་ལས། ꆈꌠ рис 水稻')
    assert.includeMembers(tokens, ['ཞིང', 'ལས', 'ꆈꌠ', 'рис', '水稻'])
    assertSafe(assert, tokens)
  })
})

test.group('Segmenter: bad input', () => {
  test('empty, blank and non-string input gives no tokens', ({ assert }) => {
    for (const input of ['', '   ', '\n\t', null, undefined, 42, {}, ['水稻']]) {
      assert.deepEqual(tokenize(input), [])
    }
  })

  test('tsquery and SQL syntax never reaches a token', ({ assert }) => {
    assert.deepEqual(tokenize("& | ! : * ( ) ' \" \\ ; -- /* */ <-> :* !!"), [])
    const tokens = tokenize("水稻&稻瘟病|(纹枯病):*!穗颈瘟' OR 1=1; DROP TABLE cases; --")
    assert.includeMembers(tokens, ['水稻', '稻瘟病', '纹枯病'])
    assertSafe(assert, tokens)
    assert.notMatch(toTsText("稻瘟病 & (纹枯病 | !水稻):*"), /[&|!:*()']/)
  })

  test('emoji, modifiers and keycaps are removed safely', ({ assert }) => {
    assert.deepEqual(tokenize('🌾🐷😭❤️👍🏽1️⃣🇨🇳'), [])
    const tokens = tokenize('我家猪😭不吃食👉🏻耳朵发紫🐷')
    assert.includeMembers(tokens, ['食欲不振', '耳朵发紫'])
    assertSafe(assert, tokens)
  })

  test('a 10,000-character text is tokenized quickly into safe tokens', ({ assert }) => {
    const text = '水稻叶片上有梭形病斑，中间灰白色，边上有黄晕，最近连着下雨，请问专家用什么药？'.repeat(250).slice(0, 10_000)
    const started = performance.now()
    const tokens = tokenize(text)
    assert.isBelow(performance.now() - started, 500)
    assert.isAbove(tokens.length, 1000)
    assertSafe(assert, tokens)
  })

  test('a run of 10,000 letters is not one giant token (Postgres lexemes are limited)', ({ assert }) => {
    assert.deepEqual(tokenize('a'.repeat(10_000)), [])
    assert.deepEqual(tokenize(`水稻 ${'稻'.repeat(100)}`).filter((token) => token.length > 32), [])
  })
})

test.group('toTsText', () => {
  test('space-joined safe tokens for the simple tsvector/tsquery configuration', ({ assert }) => {
    for (const text of ['水稻，稻瘟！', '猕猴桃溃疡病 & 红阳 | (非瘟)', '😭']) {
      assert.equal(toTsText(text), tokenize(text).join(' '))
    }
    assert.match(toTsText('水稻，稻瘟！'), /^[^\s]+( [^\s]+)*$/u)
    assert.equal(toTsText('& | !'), '')
  })
})
