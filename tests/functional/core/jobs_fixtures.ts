/*
 * Jobs that exist only in tests. The jobs specs import this file; a worker started
 * as a child process loads it with `node ace jobs:work --load tests/functional/core/jobs_fixtures.ts`.
 * Every run and every effect is a row, so tests count them in the real database.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import db from '@adonisjs/lucid/services/db'
import type { Group } from '@japa/runner/core'
import { once } from '#core/jobs/idempotency'
import { BOSS_SCHEMA } from '#core/jobs/boss'
import { PermanentJobError, defineJob, defineSchedule } from '#core/jobs/registry'

export const FIXTURES_FILE = 'tests/functional/core/jobs_fixtures.ts'

async function recordRun(job: string, key: string, attempt: number) {
  await db.table('jobs_test_runs').insert({ job, key, attempt })
}

/** Fails on its first two attempts. */
defineJob<{ key: string }>(
  'tests.flaky',
  async ({ key }, job) => {
    await recordRun('tests.flaky', key, job.attempt)
    if (job.attempt <= 2) throw new Error(`attempt ${job.attempt} fails on purpose`)
  },
  { retryLimit: 3, retryDelay: 1 }
)

/** Does its one effect, then keeps working for holdMs: a worker killed then must not repeat the effect. */
defineJob<{ key: string; holdMs: number }>(
  'tests.effect_then_work',
  async ({ key, holdMs }, job) => {
    await recordRun('tests.effect_then_work', key, job.attempt)
    await once(`tests:effect:${key}`, (trx) => trx.table('jobs_test_effects').insert({ key }))
    await sleep(holdMs)
  },
  { retryLimit: 3, retryDelay: 1, heartbeatSeconds: 10, concurrency: 1 }
)

/** A short job (the default options: 10 s heartbeat, 10 s retry backoff) that works for holdMs. */
defineJob<{ key: string; holdMs: number }>('tests.short_hold', async ({ key, holdMs }, job) => {
  await recordRun('tests.short_hold', key, job.attempt)
  await sleep(holdMs)
})

defineJob('tests.sweep', async (_payload, job) => recordRun('tests.sweep', 'sweep', job.attempt), { retryLimit: 0 })
defineSchedule('tests.sweep', 60)

defineJob(
  'tests.broken',
  async () => {
    throw new PermanentJobError('the fixture always fails')
  },
  { retryLimit: 0 }
)

export async function createFixtureTables() {
  await db.rawQuery(`CREATE TABLE IF NOT EXISTS jobs_test_runs (
    id bigserial PRIMARY KEY, job text NOT NULL, key text NOT NULL, attempt int NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`)
  await db.rawQuery('CREATE TABLE IF NOT EXISTS jobs_test_effects (id bigserial PRIMARY KEY, key text NOT NULL)')
}

/** Removes what a test without a global transaction left: fixture jobs, runs, effects, schedules. */
export async function clearFixtureState() {
  await db.rawQuery('TRUNCATE jobs_test_runs, jobs_test_effects')
  await db.from(`${BOSS_SCHEMA}.job`).where('name', 'like', 'tests.%').delete()
  await db.from('job_schedules').where('name', 'like', 'tests.%').delete()
  await db.from('job_effects').where('key', 'like', 'tests:%').delete()
}

export async function dropFixtureTables() {
  await db.rawQuery('DROP TABLE IF EXISTS jobs_test_runs, jobs_test_effects')
}

/**
 * For a group whose tests commit (workers read only committed rows): the fixture
 * tables for the group, a clean slate before and after each test.
 */
export function committingGroup(group: Group, afterEach: () => Promise<unknown> = async () => {}) {
  group.setup(async () => {
    await createFixtureTables()
    return () => dropFixtureTables()
  })
  group.each.setup(async () => {
    await clearFixtureState()
    return async () => {
      await afterEach()
      await clearFixtureState()
    }
  })
}

export async function runsOf(job: string, key?: string) {
  const query = db.from('jobs_test_runs').where('job', job).orderBy('id')
  if (key) query.where('key', key)
  return query
}

export async function jobRow(id: string) {
  return db.from(`${BOSS_SCHEMA}.job`).where('id', id).firstOrFail()
}

/** Polls the database until `check` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(100)
  }
}
