import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Recall@1/3/5 and MRR of 找类似 on the labelled fixtures, for the development and the
 * held-out part and per industry, against a plain-jieba baseline; the precision of the
 * top suggestion shown (score ≥ MIN_SCORE); and the accuracy and coverage of the
 * industry suggestion.
 */
export default class TextEval extends BaseCommand {
  static commandName = 'text:eval'
  static description = 'Evaluate similar() on tests/fixtures/text (rolled back, the index is untouched)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Solved cases JSONL', default: 'tests/fixtures/text/cases.jsonl' })
  declare cases: string

  @flags.string({ description: 'Labelled queries JSONL', default: 'tests/fixtures/text/eval.jsonl' })
  declare eval: string

  @flags.string({ description: 'Development / held-out split (seed)', default: 'tests/fixtures/text/split.json' })
  declare split: string

  @flags.boolean({ description: 'Print the precision/coverage curve of the development part (to choose MIN_SCORE)' })
  declare curve?: boolean

  @flags.boolean({ description: 'Development part only: for tuning, never look at held-out while tuning' })
  declare devOnly?: boolean

  @flags.boolean({ description: 'List the development items not found in the top 3 (held-out items are never listed)' })
  declare misses?: boolean

  async run() {
    const { evaluateOutcomes, report, thresholdCurve, scoreIndustrySuggestion } = await import('#core/text/evaluation')
    const { MIN_SCORE } = await import('#core/text/documents')
    const { baselineSegmenter } = await import('#core/text/segmenter')
    const outcomes = await evaluateOutcomes(
      { cases: this.app.makePath(this.cases), eval: this.app.makePath(this.eval), split: this.app.makePath(this.split) },
      {
        'similar': {},
        'similar + industry': { useIndustry: true },
        'plain jieba baseline': { segmenter: baselineSegmenter() },
      }
    )
    const parts = this.devOnly ? (['development'] as const) : (['development', 'heldOut'] as const)
    const figures = (s: { items: number; recallAt1: number; recallAt3: number; recallAt5: number; mrr: number }) =>
      [String(s.items), String(s.recallAt1), String(s.recallAt3), String(s.recallAt5), String(s.mrr)]
    const table = this.ui.table()
    table.head(['variant', 'part', 'items', 'recall@1', 'recall@3', 'recall@5', 'MRR', 'shown', 'precision', 'p50 ms', 'p95 ms'])
    const reports = Object.fromEntries(Object.entries(outcomes).map(([name, list]) => [name, report(list)]))
    for (const [name, r] of Object.entries(reports)) {
      for (const p of parts) {
        const s = r[p]
        table.row([name, p, ...figures(s), String(s.shown), String(s.precision), String(s.p50Ms), String(s.p95Ms)])
      }
    }
    table.render()
    const { ORIGINAL_ITEMS } = await import('#core/text/evaluation')
    const similarReport = reports.similar
    this.logger.info(
      `similar on the original ${ORIGINAL_ITEMS} items (before the split, tuned on earlier): recall@3 ${similarReport.original.recallAt3}, MRR ${similarReport.original.mrr}` +
        (this.devOnly ? '' : `; on the ${similarReport.heldOutNew.items} held-out items written with the split: recall@3 ${similarReport.heldOutNew.recallAt3}, MRR ${similarReport.heldOutNew.mrr}`)
    )
    for (const p of parts) {
      const perIndustry = this.ui.table()
      perIndustry.head([`similar · ${p} · industry`, 'items', 'recall@1', 'recall@3', 'recall@5', 'MRR'])
      for (const [code, s] of Object.entries(reports.similar[p].byIndustry)) perIndustry.row([code, ...figures(s)])
      perIndustry.render()
    }
    this.logger.info(
      `suggestions shown when the top score ≥ MIN_SCORE ${MIN_SCORE}; precision = share of shown top suggestions that are the same problem`
    )
    if (this.misses) {
      for (const miss of outcomes.similar.filter((o) => o.part === 'development' && (o.rank === 0 || o.rank > 3))) {
        this.logger.log(`${miss.cluster}  rank ${miss.rank || '-'}  top ${miss.top}  ${miss.topScore}  ${miss.text}`)
      }
    }
    if (this.curve) {
      const development = outcomes.similar.filter((o) => o.part === 'development')
      const curve = this.ui.table()
      curve.head(['threshold (development)', 'shown', 'precision'])
      for (const point of thresholdCurve(development, [0, 0.05, 0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25, 0.3, 0.35, 0.4])) {
        curve.row([String(point.threshold), String(point.shown), String(point.precision)])
      }
      curve.render()
    }
    const industry = scoreIndustrySuggestion(this.app.makePath(this.eval))
    this.logger.info(
      `industry suggestion: ${industry.items} items, accuracy ${industry.accuracy}, coverage ${industry.coverage}`
    )
  }
}
