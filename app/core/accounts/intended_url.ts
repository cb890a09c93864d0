import type { HttpContext } from '@adonisjs/core/http'

const KEY = 'intended_url'

/**
 * A protected page opened signed out (向TA提问, a deep link from an SMS or a chat) is
 * where the person lands after logging in. Kept in the session, never taken from the
 * query string, and only a path of this site: `//host` or `/\host` would leave it.
 */
export function rememberIntendedUrl({ request, session }: HttpContext) {
  if (request.method() !== 'GET' || request.header('hx-request') === 'true') return
  session.put(KEY, request.url(true))
}

export function takeIntendedUrl({ session }: HttpContext, fallback = '/'): string {
  return safeIntendedUrl(session.pull(KEY)) ?? fallback
}

/** The value when it is a path of this site, else null. */
export function safeIntendedUrl(url: unknown): string | null {
  return typeof url === 'string' && /^\/(?![/\\])/.test(url) ? url : null
}
