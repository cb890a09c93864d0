/*
 * `npm run topology`: the reference deployment on this machine (README "Running at province
 * scale"), from Debian's parts: nginx (deploy/nginx.conf) in front of 2–3 app instances and
 * one jobs worker, PostgreSQL 15 as a primary with a streaming replica (pg_basebackup -R), and
 * an S3-compatible bucket (s3rver on loopback, standing in for OSS/COS/MinIO). Everything
 * listens on 127.0.0.1 and lives in one throwaway folder; Ctrl-C or SIGTERM stops it all.
 * `npm run test:scale` starts the same topology through startTopology().
 *
 * Needs: apt-get install nginx postgresql (15 on Debian 12). As root, PostgreSQL runs as the
 * `postgres` user. Flags: --instances 2|3, --port 48080 (nginx).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync } from 'node:fs'
import { chown, mkdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'
const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx'
const run = promisify(execFile)

/** The ports of deploy/nginx.conf's upstream, in order. */
export const APP_PORTS = [4301, 4302, 4303]
/** Where the jobs worker answers its own /metrics. */
export const JOBS_METRICS_PORT = 4399

export interface TopologyOptions {
  instances?: number
  /** nginx's port on 127.0.0.1. */
  port?: number
  primaryPort?: number
  replicaPort?: number
  /** Where everything is kept (removed first, and again on stop). */
  dir?: string
  log?: (line: string) => void
}

export interface Cluster {
  url: string
  dataDir: string
  port: number
  start(): Promise<void>
  /** `fast`: clients are disconnected at once; `immediate`: no shutdown checkpoint (as a crash). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>
}

export interface Topology {
  /** nginx: the one address the world uses. */
  url: string
  instances: { port: number; url: string; process: () => ChildProcess | null; start(): Promise<void> }[]
  primary: Cluster
  replica: Cluster
  /** The S3 endpoint: pause() for an outage, resume() to end it. */
  bucket: { directory: string; pause(): Promise<void>; resume(): Promise<void> }
  dir: string
  /** The environment of every app process (for a one-off `node ace …` against this topology). */
  env: Record<string, string>
  stop(): Promise<void>
}

export interface RunAs {
  uid: number
  gid: number
}

/** As root, PostgreSQL must run as another user; elsewhere as ourselves. */
export async function postgresUser(): Promise<RunAs | null> {
  if (process.getuid?.() !== 0) return null
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])])
  return { uid: Number(uid), gid: Number(gid) }
}

function need(path: string, hint: string) {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`)
}

/** A PostgreSQL 15 cluster of this topology (primary or replica): pg_ctl with the topology's port and socket folder. */
export function cluster(dataDir: string, port: number, runAs: RunAs | null, logFile: string): Cluster {
  const asUser = runAs ? { uid: runAs.uid, gid: runAs.gid } : {}
  const pgCtl = (...args: string[]) => run(join(PG_BIN, 'pg_ctl'), ['-D', dataDir, ...args], { ...asUser, cwd: '/' })
  return {
    url: `postgres://app:app@127.0.0.1:${port}/rural_tech`,
    dataDir,
    port,
    async start() {
      await pgCtl('-l', logFile, '-w', '-t', '60', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`, 'start')
    },
    async stop(mode = 'fast') {
      await pgCtl('-m', mode, '-w', 'stop').catch(() => {})
    },
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`topology: ${what} did not come up within ${timeoutMs / 1000} s`)
}

const answers = (url: string) => fetch(url).then((response) => response.ok)

/** deploy/nginx.conf on loopback: this topology's port, instances, and a prefix for logs, pid and temp files. */
export function loopbackNginxConf(conf: string, options: { port: number; ports: number[]; prefix: string; asRoot: boolean }) {
  const { port, ports, prefix } = options
  let out = conf
    .replace(/^pid .*;$/m, `pid ${prefix}/nginx.pid;`)
    .replace(/\/var\/log\/nginx\//g, `${prefix}/`)
    .replace(/listen 80 default_server;/, `listen 127.0.0.1:${port} default_server;`)
    .replace(/(\n\s*server 127\.0\.0\.1:43\d\d [^\n]*;)+/, (block) => {
      const line = /\n(\s*)server 127\.0\.0\.1:43\d\d( [^\n]*;)/.exec(block)!
      return ports.map((appPort) => `\n${line[1]}server 127.0.0.1:${appPort}${line[2]}`).join('')
    })
    .replace(/^http \{$/m, ['http {', ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${prefix}/${kind};`)].join('\n'))
  if (!options.asRoot) out = out.replace(/^user .*;\n/m, '')
  return out
}

export async function startTopology(options: TopologyOptions = {}): Promise<Topology> {
  const log = options.log ?? ((line: string) => console.log(line))
  const instances = Math.min(3, Math.max(1, options.instances ?? 2))
  const port = options.port ?? 48080
  const primaryPort = options.primaryPort ?? 55501
  const replicaPort = options.replicaPort ?? 55502
  const dir = options.dir ?? join(tmpdir(), 'rural-tech-topology')
  for (const tool of ['initdb', 'pg_ctl', 'pg_basebackup', 'psql']) need(join(PG_BIN, tool), 'apt-get install postgresql (Debian 12: PostgreSQL 15)')
  need(NGINX, 'apt-get install nginx')

  const runAs = await postgresUser()
  const children = new Map<string, ChildProcess>()
  const stops: (() => Promise<void>)[] = []
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    for (const step of stops.reverse()) await step().catch((error) => log(`topology: stopping: ${error.message}`))
    // Last: the clusters must have stopped before their folders go.
    await rm(dir, { recursive: true, force: true })
  }

  try {
    await rm(dir, { recursive: true, force: true })
    await mkdir(join(dir, 'logs'), { recursive: true })
    const pgDir = join(dir, 'pg')
    await mkdir(pgDir, { recursive: true })
    if (runAs) await chown(pgDir, runAs.uid, runAs.gid)
    const asUser = runAs ? { uid: runAs.uid, gid: runAs.gid } : {}
    const pgLog = (name: string) => join(pgDir, `${name}.log`)

    // The primary: WAL for one or more streaming replicas.
    log('topology: PostgreSQL 15 primary…')
    const pwfile = join(pgDir, 'pw')
    await writeFile(pwfile, 'postgres\n')
    if (runAs) await chown(pwfile, runAs.uid, runAs.gid)
    const primaryData = join(pgDir, 'primary')
    await run(join(PG_BIN, 'initdb'), ['-D', primaryData, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8'], { ...asUser, cwd: '/' })
    await appendFile(
      join(primaryData, 'postgresql.conf'),
      ['', '# bin/topology.ts', 'wal_level = replica', 'max_wal_senders = 5', 'hot_standby = on', 'max_connections = 200', 'shared_buffers = 256MB', ''].join('\n')
    )
    const primary = cluster(primaryData, primaryPort, runAs, pgLog('primary'))
    await primary.start()
    stops.push(() => primary.stop())
    const psql = (sql: string) =>
      run(join(PG_BIN, 'psql'), ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
        env: { ...process.env, PGPASSWORD: 'postgres' },
      })
    await psql(`CREATE ROLE app LOGIN PASSWORD 'app'`)
    await psql(`CREATE ROLE replicator LOGIN REPLICATION PASSWORD 'replicator'`)
    // The owner may create the migrations' extensions (pg_trgm, pgcrypto are trusted): no superuser needed.
    await psql(`CREATE DATABASE rural_tech OWNER app`)

    // The replica: a base backup of the primary that follows it (-R writes primary_conninfo and standby.signal).
    log('topology: streaming replica (pg_basebackup -R)…')
    const replicaData = join(pgDir, 'replica')
    await run(
      join(PG_BIN, 'pg_basebackup'),
      ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'replicator', '-D', replicaData, '-R', '-X', 'stream', '-c', 'fast'],
      { ...asUser, cwd: '/', env: { ...process.env, PGPASSWORD: 'replicator' } }
    )
    const replica = cluster(replicaData, replicaPort, runAs, pgLog('replica'))
    await replica.start()
    stops.push(() => replica.stop())

    // The bucket.
    const { startS3rver } = await import('../tests/fixtures/media/s3rver.js')
    const bucket = await startS3rver('rural-media', { dir: join(dir, 's3') })
    stops.push(() => bucket.close())

    const url = `http://127.0.0.1:${port}`
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      NODE_ENV: 'production',
      TZ: 'Asia/Shanghai',
      HOST: '127.0.0.1',
      // Each instance gets its own; the setup commands only need one to pass the env check (a clean clone has no .env).
      PORT: String(port),
      APP_URL: url,
      APP_KEY: randomBytes(32).toString('base64url'),
      PAYMENT_DATA_KEY: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'info',
      SESSION_DRIVER: 'database',
      SMS_DRIVER: 'log',
      WEB_CONCURRENCY: '1',
      DATABASE_URL: primary.url,
      DATABASE_REPLICA_URL: replica.url,
      DRIVE_DISK: 's3',
      S3_ENDPOINT: bucket.settings.endpoint!,
      S3_REGION: bucket.settings.region!,
      S3_BUCKET: bucket.settings.bucket,
      S3_ACCESS_KEY_ID: bucket.settings.accessKeyId,
      S3_SECRET_ACCESS_KEY: bucket.settings.secretAccessKey,
      S3_PATH_STYLE: 'true',
    }

    const spawnLogged = (name: string, args: string[], extra: Record<string, string> = {}) => {
      const out = createWriteStream(join(dir, 'logs', `${name}.log`), { flags: 'a' })
      const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] })
      child.stdout!.pipe(out)
      child.stderr!.pipe(out)
      children.set(name, child)
      child.once('exit', () => children.get(name) === child && children.delete(name))
      return child
    }
    const stopChild = (name: string) => async () => {
      const child = children.get(name)
      if (!child || child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const forced = setTimeout(() => child.kill('SIGKILL'), 45_000)
      await exited.finally(() => clearTimeout(forced))
    }

    // Schema and reference data once, on the primary (the demo accounts too: the load uses them).
    log('topology: migrations and seeds…')
    for (const step of [['migration:run', '--force'], ['db:seed']]) {
      await new Promise<void>((resolve, reject) => {
        const child = spawnLogged(`setup-${step[0]}`, ['ace', ...step], { NODE_ENV: 'development' })
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node ace ${step.join(' ')} failed (logs/setup-${step[0]}.log)`))))
      })
    }

    // The app instances, one process each (as deploy/systemd/rural-tech-app@.service runs them), and one worker.
    log(`topology: ${instances} app instances and a jobs worker…`)
    const apps = APP_PORTS.slice(0, instances).map((appPort) => {
      const name = `app-${appPort}`
      const start = async () => {
        spawnLogged(name, ['--import', '@poppinss/ts-exec', 'bin/server.ts'], { PORT: String(appPort) })
        await waitFor(name, () => answers(`http://127.0.0.1:${appPort}/health/ready`))
      }
      stops.push(stopChild(name))
      return { port: appPort, url: `http://127.0.0.1:${appPort}`, process: () => children.get(name) ?? null, start }
    })
    await Promise.all(apps.map((app) => app.start()))
    spawnLogged('jobs', ['ace', 'jobs:work'], { METRICS_PORT: String(JOBS_METRICS_PORT) })
    stops.push(stopChild('jobs'))

    // nginx, on deploy/nginx.conf.
    log('topology: nginx…')
    const nginxDir = join(dir, 'nginx')
    await mkdir(nginxDir, { recursive: true })
    const conf = loopbackNginxConf(await readFile(join(ROOT, 'deploy/nginx.conf'), 'utf8'), {
      port,
      ports: apps.map((app) => app.port),
      prefix: nginxDir,
      asRoot: process.getuid?.() === 0,
    })
    const confFile = join(nginxDir, 'nginx.conf')
    await writeFile(confFile, conf)
    await run(NGINX, ['-t', '-q', '-p', nginxDir, '-c', confFile])
    const nginx = spawn(NGINX, ['-p', nginxDir, '-c', confFile, '-g', 'daemon off;'], { stdio: 'ignore' })
    stops.push(async () => {
      if (nginx.exitCode !== null || nginx.signalCode !== null) return
      const exited = new Promise((resolve) => nginx.once('exit', resolve))
      nginx.kill('SIGQUIT')
      await exited
    })
    await waitFor('nginx', () => answers(`${url}/health/ready`))

    log(`topology: up at ${url} (primary :${primaryPort}, replica :${replicaPort}, bucket ${bucket.settings.endpoint}; logs in ${dir}/logs)`)
    return { url, instances: apps, primary, replica, bucket, dir, env, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { instances: { type: 'string', default: '2' }, port: { type: 'string', default: '48080' } } })
  try {
    const topology = await startTopology({ instances: Number(values.instances), port: Number(values.port) })
    console.log('Ctrl-C stops everything.')
    let stopping = false
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, async () => {
        if (stopping) return
        stopping = true
        console.log('topology: stopping…')
        await topology.stop()
        process.exit(0)
      })
    }
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
