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
  // 回访, statistics and exports (experts/followups): the queue and a case of the busiest county;
  // the statistics of a county, a city and the province over the default 30 days and a
  // city's year (htmx) — run `npm run bench:statistics` first: it brings the statistics
  // rows (experts_case_facts) up to date and measures the export speed.
  { name: '回访 queue', as: 'center_staff', scope: 'county', path: '/admin/experts/followups' },
  {
    name: '回访 case page',
    as: 'center_staff',
    scope: 'county',
    path: async (ctx) =>
      `/admin/experts/followups/${(await ctx.pick(
        `SELECT id FROM experts_consultations WHERE state = 'closed' AND county_code LIKE ? ORDER BY followup_due_at LIMIT 50`,
        [`${ctx.user.scope}%`]
      )).id}`,
  },
  { name: '服务统计 (county staff)', as: 'center_staff', scope: 'county', path: '/admin/experts/statistics' },
  { name: '服务统计 (city admin)', as: 'center_admin', scope: 'city', path: '/admin/experts/statistics' },
  { name: '服务统计 (province)', as: 'platform_admin', scope: 'province', path: '/admin/experts/statistics' },
  {
    name: '服务统计 city 1 year (htmx)',
    as: 'center_admin',
    scope: 'city',
    htmx: true,
    path: () => {
      const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 - offset * 86_400_000).toISOString().slice(0, 10)
      return `/admin/experts/statistics?from=${day(364)}&to=${day(0)}`
    },
  },
  { name: '导出 form', as: 'center_admin', scope: 'city', path: '/admin/experts/exports' },
]
