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
import type { Role } from '../app/core/accounts/roles.js'
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
const { Browser, busiestTimings, pageContexts, pathOf, userFor } = await import('./session.js')

// The data's "now": its newest event (the generator writes nothing after --until).
const dataEnd = (await db.rawQuery('SELECT max(created_at) AS at FROM experts_consultation_events')).rows[0]?.at as Date | null
if (dataEnd && !flags['real-clock']) {
  clock.travel(dataEnd.getTime() + 60_000 - clock.now().getTime())
  console.log(`app clock set to ${clock.now().toISOString()} (the data ends ${dataEnd.toISOString()}); --real-clock to keep the real time`)
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
  const browser = new Browser(booted.url)
  if (user) await browser.login(user.phone)
  const context = pageContexts(user)
  const pathFor = async (iteration: number) => pathOf(page, context, iteration)
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
