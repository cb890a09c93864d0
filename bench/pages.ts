/*
 * `npm run bench` (after `npm run bench:setup`): starts the application's HTTP server
 * in this process against the plan-scale database, signs in as generated users of
 * the right role, requests each page of bench/page_list.ts (core) and bench/modules/*.ts N times one after the
 * other and prints p50/p95/p99 per page. Exits non-zero, naming the pages, when a
 * page answered anything but 2xx, failed, or missed its p95 budget. Flags: --n 50
 * (requests per page), --only "<name>,<name>", --development (run the app in
 * development mode), --real-clock (see below).
 *
 * The app's clock is set to the moment the generated data ends (its newest event),
 * however long after bench:setup the bench runs: the live backlog's deadlines are
 * then as near or as past as the generator made them, not all overdue by a day.
 * --real-clock leaves the clock alone.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { SCOPED_ROLES, type Role } from '../app/core/accounts/roles.js'
import type { ConsultationState } from '../app/modules/experts/shared/consultation_states.js'
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
  /** p95 budget in ms; DEFAULT_BUDGET_MS unless the page has its own (DESIGN §7). */
  budget?: number
  /**
   * Which cases make a user "busiest": all of them by default, or only those in these
   * states (a list of live cases is heaviest for whoever holds the most live ones).
   */
  busiestBy?: readonly ConsultationState[]
}

/** DESIGN §7: p95 ≤ 50 ms for every page at the plan's full scale. */
export const DEFAULT_BUDGET_MS = 50

const GENERATED_PASSWORD = 'demo123456'

const { values: flags } = parseArgs({
  options: {
    n: { type: 'string', default: '50' },
    only: { type: 'string' },
    development: { type: 'boolean', default: false },
    'real-clock': { type: 'boolean', default: false },
  },
})
const requests = Math.max(1, Number(flags.n) || 50)

const database = await startBenchDatabase()
const booted = await bootApp(database.url, { http: true, environment: flags.development ? 'development' : 'production' })
const { default: db } = await import('@adonisjs/lucid/services/db')
const { clock } = await import('../app/core/clock.js')
const { pages } = await import('./page_list.js')

// The data's "now": its newest event (the generator writes nothing after --until).
const dataEnd = (await db.rawQuery('SELECT max(created_at) AS at FROM experts_consultation_events')).rows[0]?.at as Date | null
if (dataEnd && !flags['real-clock']) {
  clock.travel(dataEnd.getTime() + 60_000 - clock.now().getTime())
  console.log(`app clock set to ${clock.now().toISOString()} (the data ends ${dataEnd.toISOString()}); --real-clock to keep the real time`)
}

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

type FoundUser = BenchUser & { phone: string }

/**
 * The busiest generated user of a role (and scope level): the heavy end of every list.
 * One grouped count per role, level and state filter — cases per reporter, per expert
 * or per region prefix, joined to the role's users — computed once and kept for the
 * run: pages of the same role share it. The counts are a MATERIALIZED CTE: estimating
 * one grant row, the planner would otherwise run the aggregate once per grant (the
 * former correlated count per grant took 47 s for the county staff at 1 M cases).
 */
const busiest = new Map<string, Promise<FoundUser>>()
const busiestTimings: { key: string; ms: number }[] = []

function userFor(page: BenchPage): Promise<FoundUser> | null {
  if (page.as === 'guest') return null
  const level = page.scope ?? (page.as === 'center_admin' ? 'city' : page.as === 'platform_admin' ? 'province' : 'county')
  const key = `${page.as}${SCOPED_ROLES.includes(page.as) ? ` ${level}` : ''}${page.busiestBy ? ` [${page.busiestBy.join(',')}]` : ''}`
  if (!busiest.has(key)) busiest.set(key, findBusiest(page.as, level, page.busiestBy ?? null, key))
  return busiest.get(key)!
}

async function findBusiest(role: Role, level: 'county' | 'city' | 'province', states: readonly ConsultationState[] | null, key: string): Promise<FoundUser> {
  const started = performance.now()
  const filter = (prefix: 'WHERE' | 'AND') => (states ? `${prefix} state = ANY(?::text[])` : '')
  const stateBindings = states ? [[...states]] : []
  let row: any
  if (role === 'info_officer' || role === 'farmer' || role === 'market_entity') {
    row = (
      await db.rawQuery(
        `WITH c AS MATERIALIZED (SELECT reporter_id, count(*) AS n FROM experts_consultations ${filter('WHERE')} GROUP BY reporter_id)
         SELECT u.id, u.phone, u.county_code, NULL AS scope, p.id AS expert_id
         FROM role_grants g JOIN users u ON u.id = g.user_id
         LEFT JOIN c ON c.reporter_id = u.id
         LEFT JOIN experts_profiles p ON p.user_id = u.id
         WHERE g.role = ? AND u.phone LIKE '15%'
         ORDER BY coalesce(c.n, 0) DESC, u.id LIMIT 1`,
        [...stateBindings, role]
      )
    ).rows[0]
  } else if (role === 'expert') {
    row = (
      await db.rawQuery(
        `WITH c AS MATERIALIZED (SELECT expert_id, count(*) AS n FROM experts_consultations WHERE expert_id IS NOT NULL ${filter('AND')} GROUP BY expert_id)
         SELECT u.id, u.phone, u.county_code, NULL AS scope, p.id AS expert_id
         FROM experts_profiles p JOIN users u ON u.id = p.user_id
         LEFT JOIN c ON c.expert_id = p.id
         ORDER BY coalesce(c.n, 0) DESC, p.id LIMIT 1`,
        stateBindings
      )
    ).rows[0]
  } else {
    const length = { county: 6, city: 4, province: 2 }[level]
    row = (
      await db.rawQuery(
        `WITH c AS MATERIALIZED (SELECT left(county_code, ?) AS prefix, count(*) AS n FROM experts_consultations ${filter('WHERE')} GROUP BY 1)
         SELECT u.id, u.phone, u.county_code, g.scope, p.id AS expert_id
         FROM role_grants g JOIN users u ON u.id = g.user_id
         LEFT JOIN c ON c.prefix = g.scope
         LEFT JOIN experts_profiles p ON p.user_id = u.id
         WHERE g.role = ? AND length(g.scope) = ? AND u.phone LIKE '15%'
         ORDER BY coalesce(c.n, 0) DESC, u.id LIMIT 1`,
        [length, ...stateBindings, role, length]
      )
    ).rows[0]
  }
  busiestTimings.push({ key, ms: performance.now() - started })
  if (!row) throw new Error(`no generated ${role} (${level}): run npm run bench:setup`)
  return { id: Number(row.id), phone: row.phone, countyCode: row.county_code, scope: row.scope, expertId: row.expert_id ? Number(row.expert_id) : null }
}

// What the live pages are measured against (the plan-scale backlog, database/factories/plan_scale/backlog.ts).
{
  const { OPEN_FOR_EXPERT } = await import('../app/modules/experts/shared/consultation_states.js')
  const live = ['submitted', 'awaiting_triage', ...OPEN_FOR_EXPERT]
  const { rows } = await db.rawQuery(
    `SELECT state, count(*)::int AS n, count(*) FILTER (WHERE CASE WHEN state = 'awaiting_triage' THEN triage_due_at
       WHEN state = 'assigned' AND first_response_at IS NULL THEN response_due_at END < ?)::int AS overdue
     FROM experts_consultations WHERE state = ANY(?::text[]) GROUP BY state`,
    [clock.now(), live]
  )
  const byState = new Map<string, { n: number; overdue: number }>(rows.map((row: any) => [row.state, row]))
  const figure = (state: string) => {
    const { n, overdue } = byState.get(state) ?? { n: 0, overdue: 0 }
    return `${state} ${n}${overdue ? ` (${overdue} overdue)` : ''}`
  }
  console.log(`open cases: ${live.map(figure).join(', ')}`)
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
const only = flags.only?.split(',').map((name) => name.trim())
const selected = pages.filter((page) => !only || only.includes(page.name))
console.log(`${selected.length} pages × ${requests} requests; load average ${load()}`)

const results: Record<string, Record<string, number | string>> = {}
/** Why the run fails, one line per page: a status other than 2xx, an error, a p95 over budget. */
const failures: string[] = []
const runStarted = performance.now()
try {
  for (const page of selected) {
    try {
      await measure(page)
    } catch (error) {
      results[page.name] = { as: page.as, error: (error as Error).message.slice(0, 80) }
      failures.push(`${page.name}: ${(error as Error).message}`)
      console.log(`${page.name}: ${(error as Error).message}`)
    }
  }
  console.log(`\nlatency in ms (sequential requests through the HTTP server; load average ${load()}):`)
  console.table(results)
  const busiestMs = busiestTimings.reduce((sum, timing) => sum + timing.ms, 0)
  console.log(
    `busiest users: ${busiestTimings.length} grouped queries in ${(busiestMs / 1000).toFixed(1)} s ` +
      `(${busiestTimings.map((timing) => `${timing.key} ${Math.round(timing.ms)} ms`).join('; ')}); whole run ${((performance.now() - runStarted) / 1000).toFixed(1)} s`
  )
  if (failures.length) {
    console.error(`\n${failures.length} of ${selected.length} pages failed:\n${failures.map((line) => `  ✗ ${line}`).join('\n')}`)
    process.exitCode = 1
  } else {
    console.log(`\nall ${selected.length} pages answered 2xx within their p95 budget`)
  }
} finally {
  await booted.stop()
  await database.stop()
}

async function measure(page: BenchPage) {
  const user = await userFor(page)
  const budget = page.budget ?? DEFAULT_BUDGET_MS
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
      if (rows.length === 0) throw new Error('the query found no rows')
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
  const problems: string[] = []
  if ([...statuses.keys()].some((status) => status < 200 || status > 299)) problems.push(`answered ${statusText}`)
  if (figures.p95 > budget) problems.push(`p95 ${figures.p95} ms over its ${budget} ms budget`)
  for (const problem of problems) failures.push(`${page.name}: ${problem}`)
  // fetch decompresses: this is the HTML's own size, not the bytes on the wire.
  results[page.name] = {
    as: page.as + (user?.scope ? ` ${user.scope}` : ''),
    ...figures,
    budget,
    status: statusText,
    'KB html': Math.round(bytes / requests / 102.4) / 10,
    ok: problems.length ? '✗' : '✓',
  }
  console.log(`${page.name}: p95 ${figures.p95} ms${problems.length ? ` ✗ ${problems.join('; ')}` : ''}`)
}
