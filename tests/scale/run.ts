/*
 * `npm run test:scale` (issue 20): the reference topology (bin/topology.ts: nginx, two app
 * instances, a jobs worker, PostgreSQL 15 primary + streaming replica, an S3 bucket) on
 * loopback, and what must hold at scale, each check with its figures:
 *   - a fault under load: kill -9 of one app instance while autocannon reads through nginx —
 *     no error reaches a client (nginx retries idempotent requests on the other instance);
 *   - the replica stopped: 找专家 (read on the replica) still answers, from the primary;
 *   - backups: pg_dump -Fc of the primary restored with pg_restore into a fresh cluster holds
 *     the last consultation.
 * Bounded to 15 minutes (the whole run fails past it) and loopback only. Needs nginx and
 * postgresql from Debian (.ci/run installs them). Flags: --duration 20 (seconds of load).
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rm, chown } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import autocannon, { type Result } from 'autocannon'
import { cluster, postgresUser, startTopology, type Topology } from '../../bin/topology.js'
import { Browser } from '../../bench/browser.js'
import { smallPhoto } from '../fixtures/media/generate.js'

const run = promisify(execFile)
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'
const BUDGET_MS = 15 * 60_000

const { values: flags } = parseArgs({ options: { duration: { type: 'string', default: '20' } } })
const loadSeconds = Math.max(5, Number(flags.duration) || 20)

interface Check {
  name: string
  run: (topology: Topology) => Promise<string>
}

/** p-th percentile of a list of milliseconds. */
function percentile(values: number[], p: number) {
  if (!values.length) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Load on several routes at once, one autocannon per route; latencies recorded per response. */
async function load(base: string, routes: string[], seconds: number, connectionsPerRoute: number, during?: () => Promise<void>) {
  const results = routes.map(async (path) => {
    const latencies: number[] = []
    const statuses = new Map<number, number>()
    const result = await new Promise<Result>((resolve, reject) => {
      const options = { url: `${base}${path}`, connections: connectionsPerRoute, duration: seconds, headers: { 'accept-encoding': 'gzip' } }
      const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)))
      instance.on('response', (_client, status, _bytes, ms) => {
        latencies.push(ms)
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      })
    })
    return { path, result, latencies, statuses }
  })
  await during?.()
  return Promise.all(results)
}

function describe(rows: Awaited<ReturnType<typeof load>>, seconds: number) {
  return rows
    .map(({ path, result, latencies, statuses }) => {
      const codes = [...statuses].map(([status, count]) => `${status}×${count}`).join(' ')
      return `${path}: ${Math.round(latencies.length / seconds)} req/s, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, errors ${result.errors}, timeouts ${result.timeouts} (${codes})`
    })
    .join('\n    ')
}

const checks: Check[] = [
  {
    name: 'kill -9 of one app instance under load: no error reaches a client through nginx',
    async run(topology) {
      const routes = ['/', '/experts', '/health/ready']
      const victim = topology.instances[0]
      const rows = await load(topology.url, routes, loadSeconds, 4, async () => {
        await new Promise((resolve) => setTimeout(resolve, (loadSeconds * 1000) / 3))
        victim.process()!.kill('SIGKILL')
      })
      const failed = rows.filter(({ result, statuses }) => result.errors || result.timeouts || [...statuses.keys()].some((status) => status >= 400))
      const report = `instance :${victim.port} killed at ${Math.round(loadSeconds / 3)} s of ${loadSeconds} s\n    ${describe(rows, loadSeconds)}`
      if (failed.length) throw new Error(report)
      await victim.start()
      return report
    },
  },
  {
    name: 'submissions through nginx: every post retried three times at once is stored once (counted by key: 0 lost, 0 duplicated)',
    async run(topology) {
      const browser = new Browser(topology.url)
      await browser.login(DEMO_FARMER)
      const csrf = /name='_csrf' value='([^']+)'/.exec(await (await browser.request('/media')).text())?.[1]
      if (!csrf) throw new Error('no CSRF token on /media')
      const photo = await smallPhoto()
      const rowsBefore = Number(await primarySql(topology, `SELECT count(*) FROM media WHERE owner_id = (SELECT id FROM users WHERE phone = '${DEMO_FARMER}')`))
      const objectsBefore = await objectsIn(topology.bucket.directory)
      const keys = Array.from({ length: SUBMISSIONS }, () => randomBytes(16).toString('base64url'))
      const post = (key: string) => {
        const form = new FormData()
        form.set('_csrf', csrf)
        form.set('_idem', key)
        form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'IMG_0001.jpg')
        return browser.request('/media', { method: 'POST', body: form }).then((response) => response.status)
      }
      const started = Date.now()
      // Three sends of each key at once (a double tap and a retry), ten keys at a time.
      const statuses: number[] = []
      for (let index = 0; index < keys.length; index += 10) {
        statuses.push(...(await Promise.all(keys.slice(index, index + 10).flatMap((key) => [post(key), post(key), post(key)]))))
      }
      const took = Date.now() - started
      const rows = Number(await primarySql(topology, `SELECT count(*) FROM media WHERE owner_id = (SELECT id FROM users WHERE phone = '${DEMO_FARMER}')`)) - rowsBefore
      const objects = (await objectsIn(topology.bucket.directory)) - objectsBefore
      const codes = [...new Set(statuses)].join(' ')
      const report = `${statuses.length} posts of ${keys.length} keys in ${took} ms (statuses ${codes}): ${rows} photos stored, ${objects} objects in the bucket — lost ${Math.max(0, keys.length - rows)}, duplicated ${Math.max(0, rows - keys.length)}`
      if (rows !== keys.length || objects !== 2 * keys.length || statuses.some((status) => status !== 302)) throw new Error(report)
      return report
    },
  },
  {
    name: 'the replica stopped: 找专家 still answers (from the primary), and again once it is back',
    async run(topology) {
      await topology.replica.stop('immediate')
      const started = Date.now()
      const answers: number[] = []
      for (let i = 0; i < 10; i++) answers.push((await fetch(`${topology.url}/experts`)).status)
      const took = Date.now() - started
      await topology.replica.start()
      const after = (await fetch(`${topology.url}/experts`)).status
      if (answers.some((status) => status !== 200) || after !== 200) throw new Error(`statuses with the replica down: ${answers.join(' ')}; after: ${after}`)
      return `10 of 10 answered 200 with the replica down (${took} ms for all 10); 200 after its restart`
    },
  },
  {
    name: 'the primary restarted: requests in the gap get the Chinese 503 page (no stack), the app is back within 10 s',
    async run(topology) {
      const seen: { at: number; status: number; body: string }[] = []
      let polling = true
      const poll = (async () => {
        while (polling) {
          const response = await fetch(`${topology.url}/`, { headers: { accept: 'text/html' } }).catch(() => null)
          seen.push({ at: Date.now(), status: response?.status ?? 0, body: response ? await response.text() : '' })
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      })()
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const stopped = Date.now()
      await topology.primary.stop('fast')
      await new Promise((resolve) => setTimeout(resolve, 3000))
      const restarting = Date.now()
      await topology.primary.start()
      const accepting = Date.now()
      // Until one request after the restart has answered 200, then 2 s more.
      const until = Date.now() + 30_000
      while (Date.now() < until && !seen.some((entry) => entry.at > accepting && entry.status === 200)) await new Promise((resolve) => setTimeout(resolve, 100))
      await new Promise((resolve) => setTimeout(resolve, 2000))
      polling = false
      await poll
      const failed = seen.filter((entry) => entry.status !== 200)
      const firstBack = seen.find((entry) => entry.at > accepting && entry.status === 200)
      const wrong = failed.filter((entry) => entry.status !== 503 || !entry.body.includes('请稍后重试') || /at .*\.ts:\d+|stack|Error:/.test(entry.body))
      const report = `${seen.length} requests to / while the primary was down ${((restarting - stopped) / 1000).toFixed(1)} s: ${failed.length} answered 503 ('请稍后重试'), ${wrong.length} otherwise; first 200 ${firstBack ? ((firstBack.at - accepting) / 1000).toFixed(1) + ' s' : 'never'} after PostgreSQL accepted connections again`
      if (!firstBack || firstBack.at - accepting > 10_000 || wrong.length || !failed.length) throw new Error(`${report}; statuses: ${[...new Set(failed.map((entry) => entry.status))].join(' ')}`)
      return report
    },
  },
  {
    name: 'after the faults the jobs worker still sweeps the deadlines: the sweep, made due now, runs once and completes',
    async run(topology) {
      const since = await primarySql(topology, `SELECT now()`)
      // Due now instead of within the minute (the schedule's own clock, as a test moves it).
      await primarySql(topology, `UPDATE job_schedules SET next_run_at = now() WHERE name = '${SWEEP}'`)
      const started = Date.now()
      let runs = 0
      while (Date.now() - started < 30_000) {
        runs = Number(await primarySql(topology, `SELECT count(*) FROM pgboss.job WHERE name = '${SWEEP}' AND state = 'completed' AND created_on >= '${since}'`))
        if (runs > 0) break
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      const took = Date.now() - started
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const all = Number(await primarySql(topology, `SELECT count(*) FROM pgboss.job WHERE name = '${SWEEP}' AND created_on >= '${since}'`))
      const report = `${SWEEP} completed ${took} ms after it was made due; ${all} run(s) of it since`
      if (runs !== 1 || all !== 1) throw new Error(report)
      return report
    },
  },
  {
    name: 'backup: pg_dump -Fc of the primary, pg_restore into a fresh cluster, the last consultation is there',
    async run(topology) {
      const primary = topology.primary
      const last = await lastConsultation(primary.port)
      if (!last) throw new Error('the primary holds no consultation (the seeds should have made some)')
      const dir = join(topology.dir, 'backup')
      await mkdir(dir, { recursive: true })
      const runAs = await postgresUser()
      if (runAs) await chown(dir, runAs.uid, runAs.gid)
      const dump = join(dir, 'rural_tech.dump')
      const started = Date.now()
      await run(join(PG_BIN, 'pg_dump'), ['-Fc', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-d', 'rural_tech', '-f', dump], { env: pgEnv() })
      const dumped = Date.now() - started
      // The restore: a new, empty cluster, as after losing the machine.
      const data = join(dir, 'restored')
      const port = primary.port + 10
      await run(join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], { ...(runAs ?? {}), cwd: '/' })
      const restoredCluster = cluster(data, port, runAs, join(dir, 'restored.log'))
      await restoredCluster.start()
      try {
        await run(join(PG_BIN, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'rural_tech'])
        await run(join(PG_BIN, 'pg_restore'), ['--no-owner', '--exit-on-error', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'rural_tech', dump])
        const restored = await lastConsultation(port)
        if (JSON.stringify(restored) !== JSON.stringify(last)) throw new Error(`restored ${JSON.stringify(restored)}, the primary had ${JSON.stringify(last)}`)
        return `consultation #${last.id} (${last.created_at}) found after the restore; dump ${dumped} ms, restore ${Date.now() - started - dumped} ms`
      } finally {
        await restoredCluster.stop()
        await rm(dir, { recursive: true, force: true })
      }
    },
  },
]

const pgEnv = () => ({ ...process.env, PGPASSWORD: 'postgres' })
/** A seeded demo farmer (database/seeders/03_core_demo_accounts_seeder.ts). */
const DEMO_FARMER = '13900000001'
const SUBMISSIONS = 30
/** The deadline sweep's schedule (app/modules/experts/triage/jobs.ts), every minute. */
const SWEEP = 'experts.sweep_deadlines'

async function primarySql(topology: Topology, sql: string) {
  const args = ['-h', '127.0.0.1', '-p', String(topology.primary.port), '-U', 'postgres', '-d', 'rural_tech', '-Atc', sql]
  return (await run(join(PG_BIN, 'psql'), args, { env: pgEnv() })).stdout.trim()
}

/** Objects s3rver holds (one file each, beside its metadata). */
async function objectsIn(directory: string) {
  const entries = await readdir(directory, { recursive: true }).catch(() => [] as string[])
  return entries.filter((entry) => entry.endsWith('._S3rver_object')).length
}

async function lastConsultation(port: number) {
  const sql = `SELECT json_build_object('id', id, 'created_at', created_at, 'text', md5(text)) FROM experts_consultations ORDER BY id DESC LIMIT 1`
  const { stdout } = await run(join(PG_BIN, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'rural_tech', '-Atc', sql], { env: pgEnv() })
  return stdout.trim() ? (JSON.parse(stdout) as { id: number; created_at: string; text: string }) : null
}

const deadline = setTimeout(() => {
  console.error(`test:scale: over the ${BUDGET_MS / 60_000}-minute budget`)
  void topology?.stop().finally(() => process.exit(1))
}, BUDGET_MS)

let topology: Topology | undefined
let failures = 0
const begun = Date.now()
try {
  topology = await startTopology({ instances: 2, log: (line) => console.log(line) })
  for (const check of checks) {
    const started = Date.now()
    try {
      const report = await check.run(topology)
      console.log(`  ✔ ${check.name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n    ${report}`)
    } catch (error) {
      failures++
      console.log(`  ✖ ${check.name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n    ${(error as Error).message}`)
    }
  }
} catch (error) {
  failures++
  console.error(`test:scale: ${(error as Error).message}`)
} finally {
  await topology?.stop()
  clearTimeout(deadline)
}
console.log(`test:scale: ${checks.length - failures} of ${checks.length} passed in ${Math.round((Date.now() - begun) / 1000)} s`)
process.exit(failures ? 1 : 0)
