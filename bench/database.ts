import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../app/core/database/embedded_postgres.js'

/**
 * The benchmark database: its own embedded PostgreSQL in tmp/benchdata on its own
 * port (BENCH_PG_PORT, default 54330), so that plan-scale data never touches the
 * development database (tmp/pgdata, 54329). BENCH_DATABASE_URL uses an external
 * server instead.
 */
export const root = fileURLToPath(new URL('../', import.meta.url))

/**
 * Tuned like a production server for this data (2 cores; the 1 M-case tables and
 * their indexes fit in memory); WAL settings only speed up the bulk load.
 */
const SETTINGS = {
  shared_buffers: '2GB',
  effective_cache_size: '8GB',
  work_mem: '32MB',
  maintenance_work_mem: '1GB',
  random_page_cost: 1.1,
  jit: 'off',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
  wal_level: 'minimal',
  max_wal_senders: 0,
  synchronous_commit: 'off',
}

/**
 * The bench database's URL. A bench server another run already started (same data
 * directory, same port) is used as it is and left running: starting a second
 * postgres on the directory would stop the first under that run's feet.
 */
export async function startBenchDatabase(): Promise<Pick<EmbeddedDatabase, 'url' | 'stop'>> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} }
  const port = Number(process.env.BENCH_PG_PORT ?? 54330)
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/rural_tech_bench`
  if (await answers(url)) return { url, stop: async () => {} }
  return startEmbeddedPostgres({
    dataDir: `${root}tmp/benchdata`,
    port,
    database: 'rural_tech_bench',
    persistent: true,
    settings: SETTINGS,
    log: (line) => console.error(line),
  })
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}
