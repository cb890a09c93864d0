/*
 * `npm run bench` (after `npm run bench:setup`): starts the application's HTTP server
 * in this process against the plan-scale database, signs in as generated users of
 * the right role, requests each page of bench/page_list.ts N times one after the
 * other and prints p50/p95/p99 per page. Flags: --n 50 (requests per page),
 * --only "<name>,<name>", --development (run the app in development mode).
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { Role } from '../app/core/accounts/roles.js'
import { startBenchDatabase } from './database.js'
import { bootApp, percentiles } from './app.js'

export interface BenchUser {
  id: number
  countyCode: string | null
  /** The staff role's scope prefix, when the role has one. */
  scope: string | null
  /** experts_profiles.id when the user is an expert. */
  expertId: number | null
}

export interface PageContext {
  user: BenchUser
  /** One row of the query's result, a different one each request (the query runs once per page). */
  pick(sql: string, bindings?: unknown[]): Promise<any>
  db: typeof import('@adonisjs/lucid/services/db').default
  iteration: number
}

export interface BenchPage {
  name: string
  as: Role | 'guest'
  scope?: 'county' | 'city' | 'province'
  path: string | ((ctx: PageContext) => string | Promise<string>)
  htmx?: boolean
}

const GENERATED_PASSWORD = 'demo123456'

const { values: flags } = parseArgs({
  options: {
    n: { type: 'string', default: '50' },
    only: { type: 'string' },
    development: { type: 'boolean', default: false },
  },
})
const requests = Math.max(1, Number(flags.n) || 50)

const database = await startBenchDatabase()
const booted = await bootApp(database.url, { http: true, environment: flags.development ? 'development' : 'production' })
const { default: db } = await import('@adonisjs/lucid/services/db')
const { pages } = await import('./page_list.js')

/** A cookie jar of one signed-in browser. */
class Browser {
  readonly #cookies = new Map<string, string>()

  async request(path: string, init: RequestInit & { htmx?: boolean } = {}) {
    const headers = new Headers(init.headers)
    headers.set('cookie', [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    headers.set('accept', 'text/html')
    headers.set('accept-encoding', 'gzip')
    if (init.htmx) headers.set('hx-request', 'true')
    const response = await fetch(`${booted.url}${path}`, { ...init, headers, redirect: 'manual' })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const [name, ...value] = pair.split('=')
      this.#cookies.set(name.trim(), value.join('='))
    }
    return response
  }

  async login(phone: string) {
    const form = await (await this.request('/login')).text()
    const csrf = /name=["']_csrf["'] value=["']([^"']+)["']/.exec(form)?.[1]
    if (!csrf) throw new Error('no CSRF token on /login')
    const response = await this.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, phone, password: GENERATED_PASSWORD }).toString(),
    })
    if (response.status !== 302 || (response.headers.get('location') ?? '').includes('/login')) {
      throw new Error(`login as ${phone} failed: ${response.status} ${response.headers.get('location')}`)
    }
  }
}

/** The busiest generated user of a role (and scope level): the heavy end of every list. */
async function userFor(page: BenchPage): Promise<(BenchUser & { phone: string }) | null> {
  if (page.as === 'guest') return null
  const level = page.scope ?? (page.as === 'center_admin' ? 'city' : page.as === 'platform_admin' ? 'province' : 'county')
  const length = { county: 6, city: 4, province: 2 }[level]
  let row: any
  if (page.as === 'info_officer' || page.as === 'farmer' || page.as === 'market_entity') {
    row = (
      await db.rawQuery(
        `SELECT u.id, u.phone, u.county_code, null AS scope FROM users u
         JOIN role_grants g ON g.user_id = u.id AND g.role = ?
         JOIN LATERAL (SELECT count(*) AS n FROM experts_consultations c WHERE c.reporter_id = u.id) c ON true
         WHERE u.phone LIKE '15%' ORDER BY c.n DESC, u.id LIMIT 1`,
        [page.as]
      )
    ).rows[0]
  } else if (page.as === 'expert') {
    row = (
      await db.rawQuery(
        `SELECT u.id, u.phone, u.county_code, null AS scope, p.id AS expert_id FROM experts_profiles p JOIN users u ON u.id = p.user_id
         ORDER BY (SELECT count(*) FROM experts_consultations c WHERE c.expert_id = p.id) DESC, p.id LIMIT 1`
      )
    ).rows[0]
  } else {
    row = (
      await db.rawQuery(
        `SELECT u.id, u.phone, u.county_code, g.scope FROM role_grants g JOIN users u ON u.id = g.user_id
         WHERE g.role = ? AND length(g.scope) = ? AND u.phone LIKE '15%'
         ORDER BY (SELECT count(*) FROM experts_consultations c WHERE c.county_code LIKE g.scope || '%') DESC, u.id LIMIT 1`,
        [page.as, length]
      )
    ).rows[0]
  }
  if (!row) throw new Error(`no generated ${page.as} (${level}): run npm run bench:setup`)
  const expert = row.expert_id ?? (await db.rawQuery('SELECT id FROM experts_profiles WHERE user_id = ?', [row.id])).rows[0]?.id
  return { id: Number(row.id), phone: row.phone, countyCode: row.county_code, scope: row.scope, expertId: expert ? Number(expert) : null }
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
const only = flags.only?.split(',').map((name) => name.trim())
const selected = pages.filter((page) => !only || only.includes(page.name))
console.log(`${selected.length} pages × ${requests} requests; load average ${load()}`)

const results: Record<string, Record<string, number | string>> = {}
let failed = false
try {
  for (const page of selected) {
    try {
      await measure(page)
    } catch (error) {
      failed = true
      results[page.name] = { as: page.as, error: (error as Error).message.slice(0, 80) }
      console.log(`${page.name}: ${(error as Error).message}`)
    }
  }
  console.log(`\nlatency in ms (sequential requests through the HTTP server; load average ${load()}):`)
  console.table(results)
  if (failed) {
    console.error('some pages failed or did not answer 200: see the status and error columns')
    process.exitCode = 1
  }
} finally {
  await booted.stop()
  await database.stop()
}

async function measure(page: BenchPage) {
  const user = await userFor(page)
  const browser = new Browser()
  if (user) await browser.login(user.phone)
  const cache = new Map<string, any[]>()
  const context = (iteration: number): PageContext => ({
    user: user ?? { id: 0, countyCode: null, scope: null, expertId: null },
    db,
    iteration,
    async pick(sql, bindings = []) {
      const key = `${sql}\u0000${JSON.stringify(bindings)}`
      if (!cache.has(key)) cache.set(key, (await db.rawQuery(sql, bindings as any[])).rows)
      const rows = cache.get(key)!
      if (rows.length === 0) throw new Error(`${page.name}: the query found no rows`)
      return rows[iteration % rows.length]
    },
  })
  const pathFor = async (iteration: number) => (typeof page.path === 'string' ? page.path : page.path(context(iteration)))
  // Warm-up: templates compiled, connections open, index pages in memory.
  for (let iteration = 0; iteration < 5; iteration++) await (await browser.request(await pathFor(iteration), { htmx: page.htmx })).arrayBuffer()
  const samples: number[] = []
  const statuses = new Map<number, number>()
  let bytes = 0
  for (let iteration = 0; iteration < requests; iteration++) {
    const path = await pathFor(iteration + 5)
    const started = performance.now()
    const response = await browser.request(path, { htmx: page.htmx })
    const body = await response.arrayBuffer()
    samples.push(performance.now() - started)
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
    bytes += body.byteLength
  }
  const figures = percentiles(samples)
  const statusText = [...statuses].map(([status, count]) => `${status}×${count}`).join(' ')
  if ([...statuses.keys()].some((status) => status !== 200)) failed = true
  // fetch decompresses: this is the HTML's own size, not the bytes on the wire.
  results[page.name] = { as: page.as + (user?.scope ? ` ${user.scope}` : ''), ...figures, status: statusText, 'KB html': Math.round(bytes / requests / 102.4) / 10 }
  console.log(`${page.name}: p95 ${figures.p95} ms`)
}
