import { readdirSync } from 'node:fs'
import type { BenchPage } from './pages.js'

/**
 * The pages `npm run bench` measures on the plan-scale database. Each has a p95 budget:
 * 50 ms (DESIGN §7, DEFAULT_BUDGET_MS) unless it sets `budget`; the run exits non-zero
 * when a page misses it or answers anything but 2xx. Core's pages are here; each module
 * keeps its own in bench/modules/<module>.ts (exporting `pages`), read in file order, so a
 * new module adds a file and edits nothing else. An entry:
 *
 *   { name: 'triage board', as: 'center_staff', scope: 'county', path: '/experts/triage' }
 *
 * - `as`: the role of the generated user who signs in ('guest' for nobody). The bench
 *   picks the busiest such user (the officer, expert or county with the most cases),
 *   so that the figure is the heavy end, not an empty list. Staff roles take a
 *   `scope` level: 'county' (default for center_staff), 'city' (default for
 *   center_admin) or 'province'.
 * - `path`: a fixed path, or a function building one per request from the context:
 *   `ctx.user` ({ id, countyCode, scope, expertId }), `ctx.pick(sql, bindings)` (one
 *   row of the query's result, a different one each request; the query runs once),
 *   `ctx.db` (Lucid) and `ctx.iteration`.
 * - `htmx: true` sends HX-Request, to measure the fragment instead of the page.
 * - `budget`: the page's own p95 budget in ms (找类似: 30, DESIGN §7).
 * - `busiestBy`: count only cases in these states when picking the busiest user — the
 *   live lists (分诊台, 我的案件) are heaviest for whoever holds the most live cases.
 *
 *   {
 *     name: 'case page (reporter)',
 *     as: 'info_officer',
 *     path: async (ctx) => `/consultations/${(await ctx.pick(
 *       'SELECT id FROM experts_consultations WHERE reporter_id = ? ORDER BY id DESC LIMIT 100', [ctx.user.id])).id}`,
 *   }
 *
 * Run `npm run bench -- --only "case page (reporter)"` to measure one page.
 */
const corePages: BenchPage[] = [
  { name: 'home (guest)', as: 'guest', path: '/' },
  { name: 'home (信息员)', as: 'info_officer', path: '/' },
  { name: 'notifications', as: 'info_officer', path: '/notifications' },
  { name: 'login (guest)', as: 'guest', path: '/login' },
  { name: '通行密钥 (信息员)', as: 'info_officer', path: '/profile/passkeys' },
  { name: '我的登录设备 (信息员)', as: 'info_officer', path: '/profile/devices' },
]

const moduleFiles = readdirSync(new URL('./modules/', import.meta.url)).filter((file) => /\.(ts|js)$/.test(file)).sort()
const modulePages = await Promise.all(
  moduleFiles.map(async (file) => ((await import(`./modules/${file.replace(/\.ts$/, '.js')}`)) as { pages: BenchPage[] }).pages)
)

export const pages: BenchPage[] = [...corePages, ...modulePages.flat()]
