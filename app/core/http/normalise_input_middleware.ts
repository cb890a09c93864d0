import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/*
 * Every text a request brings — form, JSON and multipart fields, the query string, and the
 * keys as well as the values — is cleaned once, right after the bodyparser, before any
 * validator, controller or flash of old input sees it:
 *
 *   - C0 controls except tab, newline and carriage return (U+0000–U+0008, U+000B, U+000C,
 *     U+000E–U+001F), DEL and the C1 controls (U+007F–U+009F): PostgreSQL refuses NUL in
 *     text (a 500 before this), and the others are invisible, never typed on a phone, and
 *     break CSV/XLSX exports and SMS;
 *   - lone UTF-16 surrogates (a JSON body can carry "\ud800"): not text, and PostgreSQL's
 *     UTF-8 refuses them as well;
 *   - the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make
 *     a message or a file name read differently from what it stores ("gpj.exe" shown as
 *     "exe.jpg"); Chinese and the minority scripts of Sichuan need none of them.
 *
 * They are removed, not refused: none of them carries meaning a person typed, so the stored
 * text reads exactly as the person saw it while typing, and no form needs its own message.
 * Zero-width joiners (emoji sequences), emoji and every script are kept.
 *
 * Why a middleware rather than a VineJS rule: a rule only cleans the fields a validator
 * declares and only where a controller validates — query strings (search boxes, filters),
 * fields read with request.input() and the old input flashed back all skip it; this covers
 * every route, present and future, with no per-field opt-in.
 */

const UNWANTED =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const HAS_UNWANTED = new RegExp(UNWANTED.source)

/** The text without control characters (tab, newline and CR kept), lone surrogates and bidi controls. */
export function normaliseText(text: string): string {
  return HAS_UNWANTED.test(text) ? text.replace(UNWANTED, '') : text
}

/** A parsed body or query string with every string (values and keys, at any depth) normalised. */
export function normaliseInput<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return normaliseText(value) as T
  // The bodyparser's qs nests at most 5 levels (20 for arrays); deeper is not ours to walk.
  if (value === null || typeof value !== 'object' || depth > 32) return value
  if (Array.isArray(value)) return value.map((item) => normaliseInput(item, depth + 1)) as T
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value // files and other objects stay as they are
  const clean: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) clean[normaliseText(key)] = normaliseInput(item, depth + 1)
  return clean as T
}

export default class NormaliseInputMiddleware {
  async handle({ request }: HttpContext, next: NextFn) {
    request.updateBody(normaliseInput(request.body()))
    request.updateQs(normaliseInput(request.qs()))
    return next()
  }
}
