import 'reflect-metadata'
import { Ignitor } from '@adonisjs/core'
import type { ApplicationService } from '@adonisjs/core/types'
import { freePort } from '../app/core/database/embedded_postgres.js'
import { createCompressedServer } from '../app/core/http/compressed_server.js'

/**
 * Boots the application inside the benchmark process against the bench database:
 * with `http`, the real HTTP server on a free port (as tests/bootstrap.ts does), so
 * pages are measured through routing, middleware, sessions, Edge and compression.
 */
const APP_ROOT = new URL('../', import.meta.url)
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) return import(new URL(filePath, APP_ROOT).href)
  return import(filePath)
}

export interface BootedApp {
  app: ApplicationService
  /** Base URL of the HTTP server (http mode only). */
  url: string
  stop(): Promise<void>
}

export async function bootApp(databaseUrl: string, options: { http: boolean; environment?: 'development' | 'production' }): Promise<BootedApp> {
  process.env.DATABASE_URL = databaseUrl
  // Production mode by default: cached templates and quiet logs, as a server runs.
  process.env.NODE_ENV = options.environment ?? 'production'
  process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn'
  // Production requires its own payment-data key; the generated people's numbers are not real.
  process.env.PAYMENT_DATA_KEY ||= 'bench-payment-data-key-not-for-real-people'
  // The generated cases' photos (database/factories/plan_scale/modules/case_photos.ts).
  process.env.DRIVE_ROOT ||= `${APP_ROOT.pathname}tmp/benchmedia`
  const port = await freePort()
  process.env.PORT = String(port)
  process.env.HOST = '127.0.0.1'
  const ignitor = new Ignitor(APP_ROOT, { importer: IMPORTER }).tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
  })
  if (options.http) {
    await ignitor.httpServer().start(createCompressedServer)
  } else {
    const app = ignitor.createApp('console')
    await app.init()
    await app.boot()
    await app.start(async () => {})
  }
  return { app: ignitor.getApp()!, url: `http://127.0.0.1:${port}`, stop: () => ignitor.terminate() }
}

/** p50/p95/p99/max of a list of milliseconds, rounded to 0.1 ms. */
export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0
  const round = (value: number) => Math.round(value * 10) / 10
  return { n: sorted.length, p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted.at(-1) ?? 0) }
}

export async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now()
  const result = await work()
  return [performance.now() - started, result]
}
