import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { evaluate } from '#core/text/evaluation'
import { baselineSegmenter } from '#core/text/segmenter'

/**
 * The regression guard of 找类似 on the real Postgres index, on the held-out part of
 * the labelled set (tests/fixtures/text/split.json): clusters never looked at while
 * tuning, so a change that only fits the development part cannot pass by it. The
 * figures were recorded when the split landed (issue 14); the test allows a little
 * slack under the record, not a real loss.
 */
// Held-out 367 queries / 56 clusters; development beside it: R@1 0.855, R@3 0.963, MRR 0.908.
const RECORDED_HELD_OUT = { recallAt1: 0.853, recallAt3: 0.913, mrr: 0.893, precision: 0.923 }
const SLACK = 0.02

test.group('text index · evaluation', () => {
  test('similar() finds the cluster case on held-out clusters at least as well as recorded, and beats plain jieba', async ({ assert }) => {
    const scores = await evaluate(
      {
        cases: app.makePath('tests/fixtures/text/cases.jsonl'),
        eval: app.makePath('tests/fixtures/text/eval.jsonl'),
        split: app.makePath('tests/fixtures/text/split.json'),
      },
      { similar: {}, industry: { useIndustry: true }, baseline: { segmenter: baselineSegmenter() } }
    )
    const heldOut = scores.similar.heldOut
    assert.isAtLeast(heldOut.recallAt3, RECORDED_HELD_OUT.recallAt3 - SLACK)
    assert.isAtLeast(heldOut.mrr, RECORDED_HELD_OUT.mrr - SLACK)
    assert.isAtLeast(heldOut.recallAt1, RECORDED_HELD_OUT.recallAt1 - SLACK)
    assert.isAtLeast(heldOut.precision, RECORDED_HELD_OUT.precision - SLACK)
    assert.isAbove(heldOut.recallAt3, scores.baseline.heldOut.recallAt3)
    assert.isAbove(heldOut.items, 250)
    // A form pre-fills the industry: the boost must help, never hurt.
    assert.isAtLeast(scores.industry.all.recallAt3, scores.similar.all.recallAt3)
  }).timeout(180_000)
})
