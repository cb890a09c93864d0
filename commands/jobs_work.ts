import { pathToFileURL } from 'node:url'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The background worker: runs queued jobs and recurring schedules until SIGINT or
 * SIGTERM, then lets running jobs finish. Run as many as you like (one per
 * machine, or several); `npm run dev` starts one next to the web server.
 */
export default class JobsWork extends BaseCommand {
  static commandName = 'jobs:work'
  static description = 'Run background jobs and recurring schedules until stopped'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.array({ description: 'Also load job definitions from these files (used by tests)' })
  declare load?: string[]

  @flags.number({ description: 'Seconds between two looks for due schedules', default: 5 })
  declare tick: number

  @flags.number({ description: 'Seconds between two looks for jobs whose worker died', default: 10 })
  declare supervise: number

  async run() {
    for (const file of this.load ?? []) await import(pathToFileURL(this.app.makePath(file)).href)
    const { JobWorker } = await import('#core/jobs/worker')
    const { jobDefinitions } = await import('#core/jobs/registry')

    const worker = new JobWorker({ scheduleTickSeconds: this.tick, superviseSeconds: this.supervise })
    // Terminating hooks run before the database connections close, so running jobs can finish.
    this.app.terminating(() => worker.stop())
    // bin/console.ts turns SIGTERM into app.terminate(); Ctrl-C (SIGINT) does the same here.
    // `on`, not `once`: a second Ctrl-C must not kill the worker while jobs finish.
    process.on('SIGINT', () => this.app.terminate())

    await worker.start()
    this.logger.info(`jobs worker ${process.pid} running ${jobDefinitions().map((job) => job.name).join(', ')}`)

    // Its own /metrics (job latencies, SMS failures happen here), on METRICS_PORT of 127.0.0.1 only.
    const metricsPort = (await import('#start/env')).default.get('METRICS_PORT')
    if (metricsPort) {
      const { serveWorkerMetrics } = await import('#core/metrics/worker_server')
      const server = await serveWorkerMetrics(metricsPort)
      this.app.terminating(() => new Promise<void>((resolve) => server.close(() => resolve())))
      this.logger.info(`jobs worker metrics on http://127.0.0.1:${metricsPort}/metrics`)
    }
  }
}
