import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors, type VineValidator } from '@vinejs/vine'
import { RuleError } from '#core/http/rule_error'
import { wantsFragment } from '#core/http/render'

/*
 * How a form answers, in all three ways a page is used:
 *   full page   — the form posts without JavaScript: success redirects with a flash;
 *                 a failure redirects back, the message next to its field, the input kept;
 *   htmx        — success swaps in the fragment; a failure answers 422 with the messages
 *                 and swaps them into the form's own error box (`errorsTarget`);
 * and a RuleError (the state no longer allows the step) fails exactly like a bad field.
 */

export interface FormOptions {
  /** The element htmx swaps the messages into, e.g. '#dispatch-errors'. */
  errorsTarget: string
  /** The i18n prefix of the field names and messages, e.g. '<module>.<feature>.validator'. */
  messages?: string
}

/** Runs `work`; a validation failure or RuleError it throws goes to the form's error box. */
export async function guardForm<T>(ctx: HttpContext, options: FormOptions, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    const failure = error instanceof RuleError ? error.toValidationError(ctx.i18n) : error
    if (failure instanceof vineErrors.E_VALIDATION_ERROR && wantsFragment(ctx)) {
      ctx.response.header('HX-Retarget', options.errorsTarget).header('HX-Reswap', 'innerHTML')
    }
    throw failure
  }
}

/** The request body through `validator`, failing into the form's error box. */
export function validateForm<V extends VineValidator<any, any>>(ctx: HttpContext, validator: V, options: FormOptions) {
  return guardForm(ctx, options, () =>
    ctx.request.validateUsing(validator, options.messages ? { messagesProvider: ctx.i18n.createMessagesProvider(options.messages) } : {})
  )
}

/** After a successful change: the fragment for htmx (with the status line), a flash and a redirect otherwise. */
export async function formDone(ctx: HttpContext, options: { message: string; redirectTo: string; fragment: (status: string) => Promise<string> }) {
  if (wantsFragment(ctx)) return options.fragment(options.message)
  ctx.session.flash('success', options.message)
  return ctx.response.redirect(options.redirectTo)
}
