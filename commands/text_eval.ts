import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Recall@1/3/5 and MRR of 找类似 on the labelled fixtures, against a plain-jieba baseline,
 * and the accuracy and coverage of the industry suggestion.
 */
export default class TextEval extends BaseCommand {
  static commandName = 'text:eval'
  static description = 'Evaluate similar() on tests/fixtures/text (rolled back, the index is untouched)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Solved cases JSONL', default: 'tests/fixtures/text/cases.jsonl' })
  declare cases: string

  @flags.string({ description: 'Labelled queries JSONL', default: 'tests/fixtures/text/eval.jsonl' })
  declare eval: string

  async run() {
    const { evaluate, scoreIndustrySuggestion } = await import('#core/text/evaluation')
    const { baselineSegmenter } = await import('#core/text/segmenter')
    const scores = await evaluate(this.app.makePath(this.cases), this.app.makePath(this.eval), {
      'similar': {},
      'similar + industry': { useIndustry: true },
      'plain jieba baseline': { segmenter: baselineSegmenter() },
    })
    const table = this.ui.table()
    table.head(['variant', 'items', 'recall@1', 'recall@3', 'recall@5', 'MRR', 'p50 ms'])
    for (const [name, s] of Object.entries(scores)) {
      table.row([name, String(s.items), String(s.recallAt1), String(s.recallAt3), String(s.recallAt5), String(s.mrr), String(s.p50Ms)])
    }
    table.render()
    const industry = scoreIndustrySuggestion(this.app.makePath(this.eval))
    this.logger.info(
      `industry suggestion: ${industry.items} items, accuracy ${industry.accuracy}, coverage ${industry.coverage}`
    )
  }
}
