import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Plan-scale synthetic data for benchmarks (issue 4 point 7). Never in production;
 * refuses a database that already has users unless --replace (which empties them):
 * use `npm run bench:setup`, which runs it against its own PostgreSQL.
 */
export default class DemoGenerate extends BaseCommand {
  static commandName = 'demo:generate'
  static description = 'Fill the database with plan-scale synthetic users, experts and consultations (COPY)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Consultations', default: 1_000_000 })
  declare cases: number

  @flags.number({ description: 'Experts (verified profiles)', default: 30_000 })
  declare experts: number

  @flags.number({ description: '信息员 (info officers)', default: 60_000 })
  declare officers: number

  @flags.number({ description: 'Farmers and market entities reporting for themselves', default: 5_000 })
  declare farmers: number

  @flags.number({ description: 'Random seed: the same seed and --until give the same data', default: 20_191_023 })
  declare seed: number

  @flags.string({ description: 'End of the five years (ISO date-time); default: now, to the hour' })
  declare until?: string

  @flags.boolean({ description: 'Empty users (and all that refers to them) and the text index first' })
  declare replace?: boolean

  @flags.array({ description: 'Only these modules\' data (database/factories/plan_scale/modules/), on a database generated before' })
  declare modules?: string[]

  async run() {
    if (this.app.inProduction) {
      this.logger.error('demo:generate never runs in production')
      this.exitCode = 1
      return
    }
    const { default: env } = await import('#start/env')
    const { default: hash } = await import('@adonisjs/core/services/hash')
    const { PlanScaleGenerator, GENERATED_PASSWORD } = await import('#database/factories/plan_scale/generator')
    const until = this.until ? new Date(this.until) : new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000)
    if (Number.isNaN(until.getTime())) {
      this.logger.error(`--until is not a date: ${this.until}`)
      this.exitCode = 1
      return
    }
    for (const [name, value] of Object.entries({ cases: this.cases, experts: this.experts, officers: this.officers, farmers: this.farmers })) {
      if (!Number.isInteger(value) || value < 0) {
        this.logger.error(`--${name} must be a whole number ≥ 0`)
        this.exitCode = 1
        return
      }
    }
    this.logger.info(
      `generating ${this.cases} cases, ${this.experts} experts, ${this.officers} officers, ${this.farmers} farmers; seed ${this.seed}, until ${until.toISOString()}`
    )
    const started = performance.now()
    try {
      const timings = await new PlanScaleGenerator({
        databaseUrl: env.get('DATABASE_URL'),
        cases: this.cases,
        experts: this.experts,
        officers: this.officers,
        farmers: this.farmers,
        seed: this.seed,
        until,
        passwordHash: await hash.use('scrypt').make(GENERATED_PASSWORD),
        replace: !!this.replace,
        modules: this.modules?.flatMap((name) => name.split(',')).filter(Boolean),
        log: (line) => this.logger.log(line),
      }).run()
      const table = this.ui.table()
      table.head(['phase', 'seconds', 'rows'])
      for (const timing of timings) table.row([timing.phase, String(timing.seconds), timing.rows?.toLocaleString('en') ?? ''])
      table.render()
      this.logger.success(`done in ${Math.round((performance.now() - started) / 1000)} s; every account's password is ${GENERATED_PASSWORD}`)
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
