/*
 * The one place that knows the queue library: pg-boss, on the application's own
 * PostgreSQL (schema `pgboss`, installed by migration 0120). Everything else in
 * the app goes through dispatch(), defineJob() and the worker.
 */
import { PgBoss, fromKnex, type ConstructorOptions, type Queue } from 'pg-boss'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import env from '#start/env'
import type { JobDefinition } from '#core/jobs/registry'
import { OutageLog } from '#core/jobs/outage_log'

export const BOSS_SCHEMA = 'pgboss'

/** One per process: the pg-boss instances' and the worker's errors during a database outage. */
export const outageLog = new OutageLog(logger)

export function createBoss(options: Partial<ConstructorOptions> = {}) {
  const boss = new PgBoss({
    connectionString: env.get('DATABASE_URL'),
    schema: BOSS_SCHEMA,
    // pg-boss's cron is minute-based; our schedules (schedules.ts) are interval-based and exact.
    schedule: false,
    ...options,
  })
  boss.on('error', (error) => outageLog.error(error, 'pg-boss'))
  boss.on('warning', (warning) => logger.warn({ warning }, `jobs: ${warning.message}`))
  return boss
}

/**
 * pg-boss statements run through a Lucid client, so a dispatch or a retry joins the
 * caller's transaction (and a test's global transaction).
 */
export function throughLucid(client: QueryClientContract) {
  return fromKnex({ raw: (sql, bindings) => client.rawQuery(sql, bindings as any[]) as any })
}

/** Queue settings pg-boss copies onto each job when it is created. */
export function queueOptions(definition: JobDefinition): Omit<Queue, 'name'> {
  const { options } = definition
  return {
    // One waiting and one running job per singletonKey; dispatch() gives keyless jobs a unique key.
    policy: 'stately',
    retryLimit: options.retryLimit,
    retryDelay: options.retryDelay,
    retryBackoff: true,
    retryDelayMax: options.retryDelayMax,
    heartbeatSeconds: options.heartbeatSeconds,
    expireInSeconds: options.expireInSeconds,
    deleteAfterSeconds: options.keepDays * 24 * 3600,
    notify: true,
  }
}

const created = new WeakMap<PgBoss, Set<string>>()

/** Creates the job's queue once per process (idempotent in the database too). */
export async function ensureQueue(boss: PgBoss, definition: JobDefinition) {
  const names = created.get(boss) ?? new Set<string>()
  created.set(boss, names)
  if (names.has(definition.name)) return
  await boss.createQueue(definition.name, queueOptions(definition))
  names.add(definition.name)
}

let producer: Promise<PgBoss> | null = null
let stopsWithApp = false

/**
 * This process's connection for dispatching and retrying (web server, commands,
 * tests): a small pool, no supervision; the worker does the rest.
 */
export function producerBoss(): Promise<PgBoss> {
  if (!stopsWithApp) {
    stopsWithApp = true
    app.terminating(() => stopProducerBoss())
  }
  if (!producer) {
    const starting = (async () => {
      const boss = createBoss({ supervise: false, max: 2 })
      await boss.start()
      return boss
    })()
    producer = starting
    starting.catch(() => producer === starting && (producer = null))
  }
  return producer
}

/** Closes the producer's pool; its timers and connections would otherwise keep the process alive. */
export async function stopProducerBoss() {
  const starting = producer
  producer = null
  const boss = await starting?.catch(() => null)
  await boss?.stop({ graceful: false })
}

/** The output pg-boss gives a job whose heartbeat stopped (plans.failJobsByHeartbeat). */
const HEARTBEAT_LOST = 'job heartbeat timeout'

/**
 * Jobs of `names` that pg-boss put back in the queue because their worker died start at
 * once instead of after their retry backoff: a dead worker is not the job's failure, and
 * the backoff (meant for a provider or a record that is not ready) would add 10 s or more.
 * Their retry still counts. Returns how many were moved up.
 */
export async function restartAbandonedJobs(names: string[]): Promise<number> {
  if (!names.length) return 0
  const moved = await db
    .from(`${BOSS_SCHEMA}.job`)
    .whereIn('name', names)
    .where('state', 'retry')
    .where('start_after', '>', db.raw('now()'))
    .whereRaw(`output #>> '{value,message}' = ?`, [HEARTBEAT_LOST])
    .update({ start_after: db.raw('now()') })
  return Number(moved)
}
