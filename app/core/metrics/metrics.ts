import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { BOSS_SCHEMA } from '#core/jobs/boss'

/**
 * Prometheus metrics of this process (README "Running at province scale"): an app instance
 * answers them at /metrics, the jobs worker on METRICS_PORT. What happens in the process
 * (requests, jobs run, SMS failures) is counted where it happens; what is true of the whole
 * platform (queue depth, overdue deadlines) is read from Postgres when scraped, so every
 * process reports the same value (`max` across instances in a query).
 */
export const registry = new Registry()
collectDefaultMetrics({ register: registry })

/** Seconds: from a 5 ms page to a 30 s export. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer a request, by route pattern',
  labelNames: ['method', 'route'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
})

export const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'Requests answered, by route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
})

export const jobDuration = new Histogram({
  name: 'jobs_duration_seconds',
  help: 'Time a job attempt ran, by job and outcome',
  labelNames: ['job', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
})

export const jobWait = new Histogram({
  name: 'jobs_wait_seconds',
  help: 'Time from when a job was due to when a worker started it',
  labelNames: ['job'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers: [registry],
})

export const smsFailures = new Counter({
  name: 'sms_send_failures_total',
  help: 'SMS the provider did not take, by whether they will be retried',
  labelNames: ['retryable'] as const,
  registers: [registry],
})

/** Job counts pg-boss keeps per queue (its supervisor refreshes them): one small table, no scan of jobs. */
new Gauge({
  name: 'jobs_queue_depth',
  help: 'Jobs per queue: queued and ready, deferred (due later), active',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    type Row = { name: string; queued_count: number; deferred_count: number; active_count: number }
    const rows = await readOrNothing<Row>(() =>
      db.rawQuery(`SELECT name, queued_count, deferred_count, active_count FROM ${BOSS_SCHEMA}.queue`).then((result) => result.rows)
    )
    for (const row of rows) {
      this.set({ queue: row.name, state: 'ready' }, Math.max(0, row.queued_count - row.deferred_count))
      this.set({ queue: row.name, state: 'deferred' }, row.deferred_count)
      this.set({ queue: row.name, state: 'active' }, row.active_count)
    }
  },
})

export type GaugeReading = { labels: Record<string, string>; value: number }

/**
 * A platform-wide gauge a module defines (e.g. experts' overdue deadlines), read from the
 * database at each scrape. `read` must be a cheap, indexed query.
 */
export function defineDatabaseGauge(name: string, help: string, labelNames: string[], read: () => Promise<GaugeReading[]>) {
  const existing = registry.getSingleMetric(name)
  if (existing) registry.removeSingleMetric(name)
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      this.reset()
      for (const { labels, value } of await readOrNothing(read)) this.set(labels, value)
    },
  })
}

/** A scrape during a database outage still answers (the process metrics), without these gauges. */
async function readOrNothing<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read()
  } catch (error) {
    logger.warn({ err: error }, 'metrics: a database gauge could not be read')
    return []
  }
}
