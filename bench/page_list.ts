import type { BenchPage } from './pages.js'

/**
 * The pages `npm run bench` measures on the plan-scale database (p95 ≤ 50 ms each,
 * DESIGN §7). To add yours, append an entry:
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
export const pages: BenchPage[] = [
  { name: 'home (guest)', as: 'guest', path: '/' },
  { name: 'home (信息员)', as: 'info_officer', path: '/' },
  { name: 'notifications', as: 'info_officer', path: '/notifications' },
]
