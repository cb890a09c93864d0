/*
 * `npm run bench:setup [-- demo:generate flags]`: the benchmark database from
 * scratch — starts the dedicated embedded PostgreSQL (bench/database.ts), migrates,
 * loads regions and industries, and runs `demo:generate --replace` (1 M cases by
 * default; pass e.g. `-- --cases 100000` for a smaller set). Development data is
 * never touched. Run it under `nice` on a shared machine.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { root, startBenchDatabase } from '../bench/database.js'

if (!existsSync(`${root}.env`)) {
  console.error('No .env: run `npm run dev` once (it creates one) or copy .env.example and set APP_KEY.')
  process.exit(1)
}

const database = await startBenchDatabase()
// Generated photos go where the bench's app reads them (bench/app.ts), never into the development uploads.
const env = { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'development', DRIVE_ROOT: process.env.DRIVE_ROOT ?? `${root}tmp/benchmedia` }
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal)

function ace(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['ace', ...args], { cwd: root, env, stdio: 'inherit' })
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

let code = 0
const stop = async () => {
  await database.stop()
  process.exit(code)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())

const steps = [
  ['migration:run', '--force'],
  ['db:seed', '--files', 'database/seeders/01_core_regions_seeder.ts', '--files', 'database/seeders/02_core_industries_seeder.ts'],
  ['demo:generate', '--replace', ...process.argv.slice(2)],
]
for (const step of steps) {
  const started = performance.now()
  code = await ace(step)
  console.log(`${step[0]}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
  if (code !== 0) break
}
await stop()
