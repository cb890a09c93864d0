import { readFile } from 'node:fs/promises'
import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Imports the predecessor platform's solved cases (JSONL) into the search index. */
export default class CasesImport extends BaseCommand {
  static commandName = 'cases:import'
  static description = 'Import historical solved cases from a JSONL file into the text index'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Path of the JSONL file' })
  declare file: string

  async run() {
    const { importCases } = await import('#core/text/cases_import')
    let content: string
    try {
      content = await readFile(this.file, 'utf8')
    } catch (error) {
      this.logger.error(`无法读取文件 ${this.file}：${(error as Error).message}`)
      this.exitCode = 1
      return
    }
    const result = await importCases(content)
    for (const problem of result.problems) this.logger.warning(`第 ${problem.line} 行已跳过：${problem.message}`)
    this.logger.success(`已导入 ${result.imported} 条案例，跳过 ${result.problems.length} 行`)
  }
}
