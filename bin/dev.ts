/*
 * `npm run dev`: the one command that gives a working platform on a fresh machine.
 * Creates .env when missing, starts the embedded PostgreSQL (unless DATABASE_URL is
 * set) with its data in tmp/pgdata so it survives restarts, migrates, seeds the
 * regions, industries and demo accounts, then runs the dev server and the jobs
 * worker side by side. Ctrl-C / SIGTERM stop both (the worker lets a running job
 * finish) and then PostgreSQL cleanly.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../app/core/database/embedded_postgres.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const envFile = `${root}.env`

if (!existsSync(envFile)) {
  const example = readFileSync(`${root}.env.example`, 'utf8')
  writeFileSync(envFile, example.replace(/^APP_KEY=.*$/m, `APP_KEY=${randomBytes(32).toString('base64url')}`))
  console.log('created .env with a fresh APP_KEY')
}
const fromFile = /^DATABASE_URL=(.+)$/m.exec(readFileSync(envFile, 'utf8'))?.[1]?.trim()
let databaseUrl = process.env.DATABASE_URL || fromFile
let embedded: EmbeddedDatabase | null = null

if (!databaseUrl) {
  console.log('starting embedded PostgreSQL (data in tmp/pgdata)…')
  embedded = await startEmbeddedPostgres({
    dataDir: `${root}tmp/pgdata`,
    port: Number(process.env.DEV_PG_PORT ?? 54329),
    database: 'rural_tech',
    persistent: true,
    log: (line) => console.error(line),
  })
  databaseUrl = embedded.url
}

const env = { ...process.env, DATABASE_URL: databaseUrl }
const children = new Set<ReturnType<typeof spawn>>()
let stopping = false

/** `ace serve` stops its server on SIGINT and ignores SIGTERM; the worker stops on either. */
function stopChild(child: ReturnType<typeof spawn>) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGINT')
  // The worker may take up to 30 s to let a running job finish.
  const forced = setTimeout(() => child.kill('SIGKILL'), 40_000)
  return exited.finally(() => clearTimeout(forced))
}

async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  await Promise.all([...children].map(stopChild))
  if (embedded) {
    await embedded.stop()
    console.log('PostgreSQL stopped')
  }
  process.exit(code)
}
// This script owns the shutdown order: children first, then PostgreSQL.
process.on('SIGHUP', () => shutdown(0))
process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))

function run(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['ace', ...args], { cwd: root, env, stdio: 'inherit' })
    children.add(child)
    child.on('exit', (code) => {
      children.delete(child)
      resolve(code ?? 1)
    })
  })
}

for (const step of [['migration:run', '--force'], ['db:seed']]) {
  const code = await run(step)
  if (code !== 0) await shutdown(code)
}
// Web server and worker live and die together: if either stops, everything stops.
await shutdown(await Promise.race([run(['serve', '--hmr', '--no-clear']), run(['jobs:work'])]))
