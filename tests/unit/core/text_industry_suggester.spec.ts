import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { INDUSTRY_CODES } from '#core/text/lexicon'
import { MIN_CONFIDENCE, suggestIndustry } from '#core/text/industry_suggester'
import { scoreIndustrySuggestion } from '#core/text/evaluation'

/**
 * Measured on tests/fixtures/text/eval.jsonl (282 items) when the suggester was written:
 * accuracy 0.918, coverage 0.933; on the grown set (884 items, issue 14, with its many
 * symptom-only and very short queries): accuracy 0.816, coverage 0.869. The guard allows 0.03 of noise from dictionary edits;
 * a bigger drop means a change to the term file or the tokenizer hurt the suggestion.
 */
const MEASURED_ACCURACY = 0.816
const MEASURED_COVERAGE = 0.869

test.group('Industry suggestion: typical needs', () => {
  const typical: [string, string][] = [
    ['猪不吃食发烧', 'pig'],
    ['茶叶上有小绿叶蝉', 'tea'],
    ['烘干机温度控制', 'drying_cold_chain'],
    ['水稻叶片上有梭形病斑，是不是稻瘟病', 'grain_oil'],
    ['猕猴桃溃疡病咋个防', 'fruit'],
    ['我家羊拉稀，死了好几只', 'cattle_sheep'],
    ['鱼塘里的鱼浮头了', 'fish'],
    ['酒用高粱长蚜虫了', 'liquor'],
    ['竹笋被虫蛀了', 'bamboo'],
  ]
  for (const [text, industry] of typical) {
    test(`${text} → ${industry}`, ({ assert }) => {
      const suggestion = suggestIndustry(text)
      assert.equal(suggestion.industry, industry)
      assert.isAtLeast(suggestion.confidence, MIN_CONFIDENCE)
      assert.isAtMost(suggestion.confidence, 1)
    })
  }

  test('scores name every industry code, and the suggested one scores highest', ({ assert }) => {
    const { industry, scores } = suggestIndustry('茶叶上有小绿叶蝉')
    assert.sameMembers(Object.keys(scores), [...INDUSTRY_CODES])
    const top = Math.max(...Object.values(scores))
    assert.equal(scores[industry!], top)
    assert.lengthOf(Object.values(scores).filter((score) => score === top), 1)
  })

  test('evidence split evenly between two industries gives no suggestion', ({ assert }) => {
    // 猪 and 羊 are head words of pig and cattle_sheep with the same weight.
    const suggestion = suggestIndustry('猪和羊')
    assert.isNull(suggestion.industry)
    assert.equal(suggestion.confidence, 0.5)
    assert.isAbove(suggestion.scores.pig, 0)
    assert.equal(suggestion.scores.pig, suggestion.scores.cattle_sheep)
  })
})

test.group('Industry suggestion: no evidence', () => {
  const inputs: [string, unknown][] = [
    ['empty', ''],
    ['blank', '   \n\t'],
    ['emoji', '😀🐷🍵👍'],
    ['operators and markup', '<script>alert(1)</script> OR 1=1 -- && || !! ::'],
    ['generic words only', '请问怎么办，急'],
    ['not a string', null],
  ]
  for (const [name, input] of inputs) {
    test(`${name} gives no industry, confidence 0`, ({ assert }) => {
      const suggestion = suggestIndustry(input)
      assert.isNull(suggestion.industry)
      assert.equal(suggestion.confidence, 0)
      assert.isTrue(Object.values(suggestion.scores).every((score) => score === 0))
    })
  }
})

test.group('Industry suggestion: labelled set', () => {
  test('accuracy and coverage on eval.jsonl stay within 0.03 of the measured figures', ({ assert }) => {
    const scores = scoreIndustrySuggestion(app.makePath('tests/fixtures/text/eval.jsonl'))
    assert.isAtLeast(scores.items, 800)
    assert.isAtLeast(scores.accuracy, MEASURED_ACCURACY - 0.03)
    assert.isAtLeast(scores.coverage, MEASURED_COVERAGE - 0.03)
    // A suggestion is only ever right if there is one.
    assert.isAtMost(scores.accuracy, scores.coverage)
  })
})
