/*
 * What the page benchmarks share (bench/pages.ts sequential latency, bench/load.ts
 * throughput): a signed-in browser's cookie jar, the busiest generated user of a role,
 * and a page's path context.
 */
import db from '@adonisjs/lucid/services/db'
import { SCOPED_ROLES, type Role } from '../app/core/accounts/roles.js'
import type { ConsultationState } from '../app/modules/experts/shared/consultation_states.js'
import type { BenchPage, BenchUser, PageContext } from './pages.js'

export { Browser } from './browser.js'

export type FoundUser = BenchUser & { phone: string }

/**
 * The busiest generated user of a role (and scope level): the heavy end of every list.
 * One grouped count per role, level and state filter — cases per reporter, per expert
 * or per region prefix, joined to the role's users — computed once and kept for the
 * run: pages of the same role share it. The counts are a MATERIALIZED CTE: estimating
 * one grant row, the planner would otherwise run the aggregate once per grant (the
 * former correlated count per grant took 47 s for the county staff at 1 M cases).
 */
const busiest = new Map<string, Promise<FoundUser>>()
export const busiestTimings: { key: string; ms: number }[] = []

export function userFor(page: BenchPage): Promise<FoundUser> | null {
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

/** The context a page's path function gets: the user, a row picker (one query per page, a row per request), the database. */
export function pageContexts(user: BenchUser | null): (iteration: number) => PageContext {
  const cache = new Map<string, any[]>()
  return (iteration) => ({
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
}

export function pathOf(page: BenchPage, context: (iteration: number) => PageContext, iteration: number) {
  return typeof page.path === 'string' ? page.path : page.path(context(iteration))
}
