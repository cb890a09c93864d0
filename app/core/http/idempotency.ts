import { createHash, randomBytes } from 'node:crypto'
import edge from 'edge.js'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Idempotent form posts (issue 20 §3), once for every module. Every form carries a fresh
 * random key (FIELD) beside its CSRF token — `csrfField()` writes both, so no template
 * changes — and a signed-in person's POST with a key is done once: a second POST with the
 * same key (a double tap, the browser resending after a timeout, a retry by the proxy) gets
 * the first answer again — the same redirect, or the same htmx fragment — and creates
 * nothing. While the first is still running, the second waits for it. An answer that did
 * not succeed (a refused form, an error) is not kept: sending the form again does the work.
 * Guests are left alone (their posts are logins and sign-ups, which answer with a new session).
 * With JavaScript, a form that stays on the page gets a new key after each htmx post
 * (resources/assets/app.js), so its next post is a new one.
 */
export const FIELD = '_idem'
const KEY = /^[A-Za-z0-9_-]{22}$/
/** How long a second request waits for the first one's answer. */
export const WAIT_MS = 15_000
/** The longest answer kept for a replay (an htmx fragment; a redirect has none). */
const MAX_BODY = 256 * 1024
const TABLE = 'core_idempotent_requests'
/** The headers a replay repeats: where a redirect goes, and what htmx is told to do. */
const REPLAYED = /^(location|content-type|hx-.*)$/i

interface Kept {
  state: 'running' | 'done'
  status: number | null
  headers: Record<string, string> | null
  body: string | null
}

export default class IdempotencyMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    shareKeyField(ctx)
    const given = ctx.request.method() === 'POST' ? ctx.request.input(FIELD) : null
    const user = ctx.auth?.user
    // An htmx post fired by one field of a form as it changes (a search while typing) is no submission.
    const byField = !!ctx.request.header('hx-trigger-name')
    if (typeof given !== 'string' || !KEY.test(given) || !user || byField) return next()

    const key = createHash('sha256').update(`${user.id}:${given}`).digest('hex')
    // Twice at most: when the first request did not succeed, its key is free again for this one.
    for (let attempt = 0; !(await claim(key)); attempt++) {
      const kept = await answerOf(key)
      if (kept || attempt > 0) return replay(ctx, kept)
    }

    try {
      await next()
    } catch (error) {
      await forget(key)
      throw error
    }
    const body = ctx.response.getBody()
    // A file or a stream (a download) is not kept: such a post is simply done again.
    const { stream, fileToStream } = ctx.response.lazyBody
    const storable = !stream && !fileToStream && (body === undefined || body === null || (typeof body === 'string' && body.length <= MAX_BODY))
    if (refused(ctx) || !storable) {
      await forget(key)
      return
    }
    const headers = Object.fromEntries(
      Object.entries(ctx.response.getHeaders())
        .filter(([name]) => REPLAYED.test(name))
        .map(([name, value]) => [name, String(value)])
    )
    await db
      .from(TABLE)
      .where('key', key)
      .update({ state: 'done', status: ctx.response.getStatus(), headers: JSON.stringify(headers), body: typeof body === 'string' ? body : null })
  }
}

/** `csrfField()` in every form: the CSRF token as Shield writes it, and a fresh key for this form. */
function shareKeyField(ctx: HttpContext) {
  const token = ctx.request.csrfToken
  if (!ctx.view || !token) return
  ctx.view.share({
    csrfField: () =>
      edge.globals.html.safe(
        `<input type='hidden' name='_csrf' value='${token}'><input type='hidden' name='${FIELD}' value='${randomBytes(16).toString('base64url')}'>`
      ),
  })
}

/**
 * The form was not taken: an error status (a refusal answered to htmx: 422), or a no-JS
 * refusal — a redirect back with the field errors or an error message in the flash.
 */
function refused(ctx: HttpContext) {
  if (ctx.response.getStatus() >= 400) return true
  const flash = ctx.session?.responseFlashMessages
  return !!flash && ['inputErrorsBag', 'errors', 'error'].some((name) => flash.has(name))
}

async function claim(key: string) {
  const claimed = await db.rawQuery(`INSERT INTO ${TABLE} (key, state) VALUES (?, 'running') ON CONFLICT (key) DO NOTHING RETURNING key`, [key])
  return claimed.rows.length > 0
}

/** The first request's row once it has its answer (or still running after WAIT_MS); null once it is gone. */
async function answerOf(key: string): Promise<Kept | null> {
  const until = Date.now() + WAIT_MS
  let kept: Kept | null = await db.from(TABLE).where('key', key).first()
  while (kept?.state === 'running' && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    kept = await db.from(TABLE).where('key', key).first()
  }
  return kept
}

/** The first answer again; 409 and a Chinese 'still being sent' page when it has none yet. */
async function replay(ctx: HttpContext, kept: Kept | null) {
  if (!kept || kept.state === 'running') {
    return ctx.response.status(409).send(await ctx.view.render('errors/still_running'))
  }
  ctx.response.header('Idempotent-Replayed', 'true')
  for (const [name, value] of Object.entries(kept.headers ?? {})) ctx.response.header(name, value)
  ctx.response.status(kept.status ?? 200)
  return ctx.response.send(kept.body ?? '')
}

async function forget(key: string) {
  await db.from(TABLE).where('key', key).where('state', 'running').delete()
}

/** Keys older than a day: no retry comes that late. For the daily maintenance job. */
export async function pruneIdempotentRequests(now = new Date()) {
  return db
    .from(TABLE)
    .where('created_at', '<', new Date(now.getTime() - 24 * 3600_000))
    .delete()
}
