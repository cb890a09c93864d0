import type { HttpContext } from '@adonisjs/core/http'
import { RuleError } from '#core/http/rule_error'
import { errors } from '@vinejs/vine'
import { wantsFragment } from '#core/http/render'

/** The line above a list after a change made through htmx (a plain post gets it as a flash). */
export interface Status {
  ok: boolean
  text: string
}

/** VineJS with the field names and messages of resources/lang/<locale>/moderation.json. */
export function validate<V extends { validate: (...args: any[]) => any }>(
  ctx: HttpContext,
  validator: V,
  data?: Record<string, unknown>
): Promise<Awaited<ReturnType<V['validate']>>> {
  const messagesProvider = ctx.i18n.createMessagesProvider('moderation.validation')
  return ctx.request.validateUsing(validator as any, { messagesProvider, ...(data ? { data } : {}) }) as any
}

/**
 * One change, two answers: htmx gets the refreshed fragment with a status line (a
 * validation failure too, as a 422 the page swaps in), a plain form post a redirect
 * with a flash. `rowForm`: the form sits in a list row, so a plain post's validation
 * message goes to the flash, not next to every row's field of the same name.
 */
export async function answerChange(
  ctx: HttpContext,
  options: { change: () => Promise<Status>; fragment: (status: Status) => Promise<string>; redirectTo: string; rowForm?: boolean }
) {
  let status: Status
  try {
    status = await options.change()
  } catch (thrown) {
    const error = thrown instanceof RuleError ? thrown.toValidationError(ctx.i18n) : thrown
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    const text = (error.messages as { message: string }[]).map((message) => message.message).join(' ')
    if (wantsFragment(ctx)) {
      ctx.response.status(422)
      return options.fragment({ ok: false, text })
    }
    if (!options.rowForm) throw error
    status = { ok: false, text }
  }
  if (wantsFragment(ctx)) return options.fragment(status)
  ctx.session.flash(status.ok ? 'success' : 'error', status.text)
  return ctx.response.redirect(options.redirectTo)
}
