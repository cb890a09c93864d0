/**
 * The jobs and schedules this application knows. Modules declare theirs with
 * defineJob / defineSchedule in a file that start/jobs.ts imports, so the web
 * process (which dispatches) and the worker (which runs) see the same list.
 */

export interface JobContext {
  id: string
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number
  /** Aborted when the attempt ran past expireInSeconds or the worker is stopping. */
  signal: AbortSignal
}

export type JobHandler<Payload> = (payload: Payload, job: JobContext) => Promise<void>

export interface JobOptions {
  /** Retries after the first attempt; then the job is failed and listed at /admin/jobs. */
  retryLimit?: number
  /** Seconds before the first retry; each further retry waits about twice as long (with jitter). */
  retryDelay?: number
  /** Longest wait between two retries, in seconds. */
  retryDelayMax?: number
  /**
   * How long one attempt normally takes, in seconds. A job of at most SHORT_JOB_SECONDS
   * (the default: triage, SMS, most jobs) is short: its heartbeat is 10 s and it may run
   * 5 min; a longer one gets a 30 s heartbeat and 15 min (or twice its expected time).
   */
  expectedSeconds?: number
  /**
   * A job whose worker stopped touching it for this long (seconds, ≥ 10: pg-boss's
   * minimum) belongs to a worker that died and is run again at once. The worker touches
   * it every heartbeatSeconds / 2.
   */
  heartbeatSeconds?: number
  /** Longest one attempt may run, in seconds, before it counts as failed. */
  expireInSeconds?: number
  /** How many of these jobs one worker runs at the same time. */
  concurrency?: number
  /** How long a finished job (completed or failed) stays in the database, in days. */
  keepDays?: number
}

/**
 * Up to this expected run time a job is short. A short job's heartbeat is 10 s, the
 * least pg-boss allows: touched every 5 s, a dead worker's job is found 5–10 s after the
 * kill (plus up to DEAD_WORKER_CHECK_SECONDS) and started again at once, ~10 s in all.
 * Its risk — a live worker that cannot touch the job for 10 s (an event loop blocked that
 * long, a database stall) — means the job runs twice, which every handler must survive
 * anyway. Long jobs keep 30 s, so a busy aggregate is not taken for a dead worker.
 */
export const SHORT_JOB_SECONDS = 60
const SHORT = { heartbeatSeconds: 10, expireInSeconds: 5 * 60 }
const LONG = { heartbeatSeconds: 30, expireInSeconds: 15 * 60 }

export const DEFAULT_JOB_OPTIONS: Required<JobOptions> = {
  retryLimit: 5,
  retryDelay: 10,
  retryDelayMax: 3600,
  expectedSeconds: 10,
  ...SHORT,
  concurrency: 2,
  keepDays: 14,
}

/** The options of a job, its heartbeat and longest run following from its expected run time. */
export function resolveJobOptions(options: JobOptions): Required<JobOptions> {
  const expectedSeconds = options.expectedSeconds ?? DEFAULT_JOB_OPTIONS.expectedSeconds
  const profile =
    expectedSeconds <= SHORT_JOB_SECONDS
      ? SHORT
      : { ...LONG, expireInSeconds: Math.max(LONG.expireInSeconds, Math.ceil(2 * expectedSeconds)) }
  return { ...DEFAULT_JOB_OPTIONS, ...profile, ...options, expectedSeconds }
}

/** Whether a job is short (see SHORT_JOB_SECONDS). */
export function isShortJob(definition: JobDefinition) {
  return definition.options.expectedSeconds <= SHORT_JOB_SECONDS
}

export interface JobDefinition<Payload extends object = any> {
  name: string
  handler: JobHandler<Payload>
  options: Required<JobOptions>
}

export interface ScheduleDefinition {
  /** The job to dispatch; one schedule per job. */
  job: string
  everySeconds: number
  payload: object
}

/** Thrown by a handler when trying again cannot help (a wrong configuration, a missing record). */
export class PermanentJobError extends Error {}

export class UnknownJobError extends Error {
  constructor(name: string) {
    super(`No job named "${name}" is defined (is its file imported by start/jobs.ts?)`)
  }
}

const NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/
const jobs = new Map<string, JobDefinition>()
const schedules = new Map<string, ScheduleDefinition>()

/**
 * Declares a job. Handlers must be idempotent: a job runs again after a failure or
 * when its worker was killed mid-run (see `once` in #core/jobs/idempotency).
 */
export function defineJob<Payload extends object>(
  name: string,
  handler: JobHandler<Payload>,
  options: JobOptions = {}
): JobDefinition<Payload> {
  if (!NAME.test(name)) throw new Error(`Job name "${name}": lower-case words joined by "_" and ".", e.g. <module>.sweep_deadlines`)
  if (jobs.has(name)) throw new Error(`Job "${name}" is defined twice`)
  const resolved = resolveJobOptions(options)
  if (resolved.heartbeatSeconds < 10) throw new Error(`Job "${name}": heartbeatSeconds must be at least 10`)
  const definition = { name, handler, options: resolved }
  jobs.set(name, definition)
  return definition
}

/**
 * Runs a job every `everySeconds`. Durable: the next run time lives in the
 * database, so a run that came due while no worker was up happens once, as soon
 * as a worker starts, and two workers never both run it.
 */
export function defineSchedule(job: string, everySeconds: number, payload: object = {}) {
  jobDefinition(job)
  if (!Number.isInteger(everySeconds) || everySeconds < 1) throw new Error(`Schedule of "${job}": everySeconds must be a whole number ≥ 1`)
  schedules.set(job, { job, everySeconds, payload })
}

export function jobDefinition(name: string): JobDefinition {
  const definition = jobs.get(name)
  if (!definition) throw new UnknownJobError(name)
  return definition
}

export function jobDefinitions(): JobDefinition[] {
  return [...jobs.values()]
}

export function scheduleDefinitions(): ScheduleDefinition[] {
  return [...schedules.values()]
}
