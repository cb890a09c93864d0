import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** 找类似 from the shell; `--json` is a stable contract other tools read: [{id, text, score}]. */
export default class TextSimilar extends BaseCommand {
  static commandName = 'text:similar'
  static description = 'Print the solved cases most similar to a text'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The question text' })
  declare text: string

  @flags.string({ description: 'Industry code to boost' })
  declare industry?: string

  @flags.string({ description: 'County code (6 digits) to boost' })
  declare county?: string

  @flags.number({ description: 'How many cases', default: 5 })
  declare limit: number

  @flags.boolean({ description: 'Print a JSON array of {id, text, score}' })
  declare json?: boolean

  async run() {
    const { similar } = await import('#core/text/documents')
    const found = await similar(this.text, { industry: this.industry, county: this.county, limit: this.limit })
    if (this.json) {
      // logger.log prints the line as is: stdout carries the JSON and nothing else.
      this.logger.log(JSON.stringify(found.map(({ id, text, score }) => ({ id, text, score }))))
      return
    }
    if (found.length === 0) {
      this.logger.info('没有找到类似的案例')
      return
    }
    for (const doc of found) {
      this.logger.log(`#${doc.id}  ${doc.score.toFixed(4)}  ${doc.text.slice(0, 80)}`)
    }
  }
}
