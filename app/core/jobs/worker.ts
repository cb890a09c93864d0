import type { JobResult, JobWithMetadata, PgBoss } from 'pg-boss'
import logger from '@adonisjs/core/services/logger'
import { createBoss, ensureQueue, outageLog, queueOptions, restartAbandonedJobs, stopProducerBoss } from '#core/jobs/boss'
import { dispatchDueSchedules, syncSchedules } from '#core/jobs/schedules'
import { PermanentJobError, isShortJob, jobDefinitions, scheduleDefinitions, type JobDefinition } from '#core/jobs/registry'
import { jobDuration, jobWait } from '#core/metrics/metrics'

/**
 * How often jobs whose worker died are looked for: five times per shortest heartbeat
 * (2 s for the short jobs' 10 s), so a lost heartbeat is found within a fifth of it.
 */
export function deadWorkerCheckSeconds(definitions: JobDefinition[], superviseSeconds: number) {
  const heartbeats = definitions.map((definition) => definition.options.heartbeatSeconds)
  if (!heartbeats.length) return superviseSeconds
  return Math.min(superviseSeconds, Math.max(1, Math.floor(Math.min(...heartbeats) / 5)))
}

export interface WorkerOptions {
  /** Seconds between two looks for due schedules. */
  scheduleTickSeconds?: number
  /**
   * At most this many seconds between two looks for jobs whose worker died (and clean-up
   * of old jobs); shorter when a job's heartbeat asks for it (see deadWorkerCheckSeconds).
   */
  superviseSeconds?: number
  /** Seconds between two polls for retries and delayed jobs; a new job wakes the worker at once. */
  pollingSeconds?: number
  /** How long stop() lets running jobs finish, in seconds. */
  shutdownSeconds?: number
}

/**
 * Runs every defined job and schedule until stopped. Any number of workers may run
 * at once (on one machine or several): a job is handed to one of them at a time,
 * and a schedule's run is claimed by one of them.
 */
export class JobWorker {
  #boss: PgBoss | null = null
  #starting: Promise<void> | null = null
  #ticker: NodeJS.Timeout | null = null
  #tick: Promise<void> = Promise.resolve()
  #rescuer: NodeJS.Timeout | null = null
  #rescue: Promise<void> = Promise.resolve()
  readonly #options: Required<WorkerOptions>

  constructor(options: WorkerOptions = {}) {
    this.#options = { scheduleTickSeconds: 5, superviseSeconds: 10, pollingSeconds: 2, shutdownSeconds: 30, ...options }
  }

  start() {
    this.#starting ??= this.#start()
    return this.#starting
  }

  async #start() {
    const { pollingSeconds } = this.#options
    const checkSeconds = deadWorkerCheckSeconds(jobDefinitions(), this.#options.superviseSeconds)
    const boss = createBoss({
      // New jobs wake the worker through LISTEN/NOTIFY instead of waiting for a poll.
      useListenNotify: true,
      superviseIntervalSeconds: checkSeconds,
      monitorIntervalSeconds: checkSeconds,
    })
    await boss.start()
    this.#boss = boss
    for (const definition of jobDefinitions()) {
      await ensureQueue(boss, definition)
      const { policy, ...settings } = queueOptions(definition)
      await boss.updateQueue(definition.name, settings)
      await boss.work(
        definition.name,
        {
          localConcurrency: definition.options.concurrency,
          batchSize: 1,
          includeMetadata: true,
          perJobResults: true,
          pollingIntervalSeconds: pollingSeconds,
          notifyPollingIntervalSeconds: pollingSeconds,
        },
        (jobs) => Promise.all(jobs.map((job) => this.#run(definition, job)))
      )
    }
    this.#nextRescue(checkSeconds)
    await syncSchedules(scheduleDefinitions())
    // At once: a sweep that came due while no worker was up should not wait a tick.
    this.#tick = this.#dispatchDue()
    await this.#tick
    this.#nextTick()
  }

  /** Lets running jobs finish (up to shutdownSeconds), then disconnects. */
  async stop() {
    // A signal during start-up waits for it, so nothing starts after the stop.
    await this.#starting?.catch(() => {})
    const boss = this.#boss
    if (!boss) return
    this.#boss = null
    if (this.#ticker) clearTimeout(this.#ticker)
    if (this.#rescuer) clearTimeout(this.#rescuer)
    await Promise.all([this.#tick, this.#rescue])
    await boss.stop({ graceful: true, timeout: this.#options.shutdownSeconds * 1000, close: true })
    // Handlers and schedules dispatch through the producer; nothing dispatches any more.
    await stopProducerBoss()
  }

  async #run(definition: JobDefinition, job: JobWithMetadata<unknown>): Promise<JobResult> {
    const attempt = job.retryCount + 1
    const started = Date.now()
    jobWait.observe({ job: job.name }, Math.max(0, started - new Date(job.startAfter).getTime()) / 1000)
    const took = (outcome: string) => jobDuration.observe({ job: job.name, outcome }, (Date.now() - started) / 1000)
    try {
      await definition.handler(job.data as object, { id: job.id, attempt, signal: job.signal })
      took('completed')
      return { id: job.id, status: 'completed' }
    } catch (error) {
      took('failed')
      const message = error instanceof Error ? error.message : String(error)
      logger.warn({ err: error, job: job.name, id: job.id, attempt }, `jobs: ${job.name} attempt ${attempt} failed`)
      // A permanent failure skips the remaining retries; a platform admin can still retry it.
      return { id: job.id, status: error instanceof PermanentJobError ? 'deadletter' : 'failed', output: { message } }
    }
  }

  #nextTick() {
    this.#ticker = setTimeout(() => {
      this.#tick = this.#dispatchDue().finally(() => this.#boss && this.#nextTick())
    }, this.#options.scheduleTickSeconds * 1000)
  }

  /** Short jobs whose worker died start again at once (restartAbandonedJobs), checked as often as heartbeats are. */
  #nextRescue(seconds: number) {
    const names = jobDefinitions().filter(isShortJob).map((definition) => definition.name)
    this.#rescuer = setTimeout(() => {
      this.#rescue = restartAbandonedJobs(names)
        .then((moved) => {
          outageLog.recovered()
          if (moved) logger.info({ jobs: moved }, `jobs: ${moved} job(s) of a worker that died started again`)
        })
        .catch((error) => outageLog.error(error, 'restart of abandoned jobs'))
        .finally(() => this.#boss && this.#nextRescue(seconds))
    }, seconds * 1000)
  }

  async #dispatchDue() {
    try {
      const names = scheduleDefinitions().map((schedule) => schedule.job)
      const ran = await dispatchDueSchedules(names)
      outageLog.recovered()
      if (ran.length) logger.debug({ schedules: ran }, 'jobs: scheduled runs dispatched')
    } catch (error) {
      outageLog.error(error, 'schedules')
    }
  }
}
