import { test } from '@japa/runner'
import { parseCaseLine } from '#core/text/cases_import'
import { highlight } from '#core/text/documents'

const reference = { industries: new Set(['grain_oil', 'pig']), counties: new Set(['510104']) }

test.group('text index · parseCaseLine', () => {
  test('a full line becomes a solved public historical case; empty strings mean unknown', ({ assert }) => {
    assert.deepEqual(
      parseCaseLine('{"text":" 猪发烧 ","answer":"","industry":"","county":"","created_at":""}', reference),
      {
        sourceType: 'historical_case',
        text: '猪发烧',
        answer: '',
        industry: null,
        county: null,
        solved: true,
        public: true,
        createdAt: null,
      }
    )
    const parsed = parseCaseLine('{"text":"猪发烧","industry":"pig","county":"510104","created_at":"2020-01-02"}', reference)
    assert.include(parsed as object, { industry: 'pig', county: '510104', createdAt: '2020-01-02' })
  })

  test('each kind of bad line gets its own Chinese reason', ({ assert }) => {
    assert.equal(parseCaseLine('{', reference), '不是有效的 JSON')
    assert.equal(parseCaseLine('[1]', reference), '不是 JSON 对象')
    assert.equal(parseCaseLine('{"text":"  "}', reference), '缺少问题描述（text）')
    assert.equal(parseCaseLine('{"text":5}', reference), '缺少问题描述（text）')
    assert.equal(parseCaseLine('{"text":"a","industry":"tea"}', reference), '未知的产业代码：tea')
    assert.equal(parseCaseLine('{"text":"a","county":"510100"}', reference), '不是四川省的县（市、区）代码：510100')
    assert.equal(parseCaseLine('{"text":"a","created_at":"昨天"}', reference), '日期无效：昨天')
  })
})

test.group('text index · highlight', () => {
  test('marks the matched tokens, longest first, and escapes the rest', ({ assert }) => {
    assert.equal(
      highlight('<b>水稻</b>稻瘟病 & 纹枯病', ['稻瘟', '稻瘟病', '水稻']),
      '&#60;b&#62;<mark>水稻</mark>&#60;/b&#62;<mark>稻瘟病</mark> &#38; 纹枯病'
    )
  })

  test('a long text is cut around the first match', ({ assert }) => {
    const text = '前'.repeat(300) + '猪瘟' + '后'.repeat(300)
    const snippet = highlight(text, ['猪瘟'])
    assert.isTrue(snippet.startsWith('…'))
    assert.isTrue(snippet.endsWith('…'))
    assert.include(snippet, '<mark>猪瘟</mark>')
    assert.isBelow(snippet.length, 160)
  })
})
