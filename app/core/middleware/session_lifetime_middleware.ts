import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { checkSession, checkSignedIn, endSession, stampSignIn } from '#core/accounts/sessions'

/**
 * Each flashed field keeps at most this many characters: well above every form's own limit
 * (2,000 for a case's text), so what someone typed too long comes back whole for them to
 * shorten, while a megabyte posted on purpose does not land in the session.
 */
export const FLASHED_FIELD_LIMIT = 10_000
/** Fields never flashed back, whatever the caller's list: secrets and one-time codes. */
const NEVER_FLASHED = /pass(word)?|_csrf|^code$|token|secret/i
const MAX_FIELDS = 100

/**
 * What is kept of a request's old input for the form shown again: each text cut to
 * FLASHED_FIELD_LIMIT, no passwords or codes, no files or other objects, at most MAX_FIELDS.
 */
export function boundFlashedInput(input: unknown): Record<string, unknown> {
  const bounded: Record<string, unknown> = {}
  if (!input || typeof input !== 'object') return bounded
  for (const [key, value] of Object.entries(input).slice(0, MAX_FIELDS)) {
    if (NEVER_FLASHED.test(key)) continue
    const kept = boundValue(value, 0)
    if (kept !== undefined) bounded[key] = kept
  }
  return bounded
}

function boundValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.slice(0, FLASHED_FIELD_LIMIT)
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value
  if (Array.isArray(value) && depth < 2) {
    return value
      .slice(0, MAX_FIELDS)
      .map((item) => boundValue(item, depth + 1))
      .filter((item) => item !== undefined)
  }
  // Files (multipart), nested objects and anything else are not shown back in a form.
  return undefined
}

/**
 * The signed-in session's lifetime, checked on every request before any page reads the user:
 * a session of an older "sign out everywhere" generation, unused past the idle timeout of the
 * person's roles, or older than the absolute lifetime ends here (its row is deleted and the
 * person is a guest, so signed-in pages send them to /login). A login in this request is
 * stamped on the way out, and old input flashed by a failed form is bounded then too, so
 * every flash (the session's validation handler, flashExcept in a controller) passes here.
 */
export default class SessionLifetimeMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { auth, session } = ctx
    if (await checkSignedIn(ctx)) {
      const verdict = await checkSession(session, auth.user!)
      if (verdict !== 'ok') {
        await endSession(ctx)
        // Said on the login page the signed-in pages now redirect to (beside auth's own "请先登录").
        session.flash('notice', ctx.i18n.t('accounts.session_ended'))
      }
    }
    try {
      return await next()
    } finally {
      await this.afterHandler(ctx)
    }
  }

  private async afterHandler({ auth, session, request }: HttpContext) {
    // A login in this request: auth.login puts the user in the session and regenerates its id
    // (ending a session regenerates it too, but leaves no user).
    const user = auth.use('web').user
    if (user && session.hasRegeneratedSession) {
      await stampSignIn(session, user.id, { userAgent: (request.header('user-agent') ?? '').slice(0, 300), ip: request.ip() })
    }

    const flashed = session.responseFlashMessages
    if (flashed.has('input')) flashed.set('input', boundFlashedInput(flashed.get('input')) as any)
  }
}
