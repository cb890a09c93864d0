import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/**
 * Sessions live in Postgres (table `sessions`, migration 0105): the cookie carries only the
 * signed session id, logout deletes the row, and every app instance shares the table.
 * `memory` exists for the test client only (it writes the sessions of loginAs and
 * withCsrfToken into the in-process memory store). The row's 30 days are a backstop: the idle
 * timeout per role and the absolute lifetime are enforced by session_lifetime_middleware.
 */
export const sessionOptions = {
  enabled: true,
  cookieName: 'sctech-session',
  clearWithBrowser: false,
  age: '30d',
  cookie: { path: '/', httpOnly: true, secure: app.inProduction, sameSite: 'lax' as const },
  stores: { database: stores.database({ tableName: 'sessions' }) },
}

if (app.inProduction && env.get('SESSION_DRIVER') === 'memory') {
  throw new Error('SESSION_DRIVER=memory is for tests only: sessions would vanish at restart and differ per instance')
}

export default defineConfig({ ...sessionOptions, store: env.get('SESSION_DRIVER') })
