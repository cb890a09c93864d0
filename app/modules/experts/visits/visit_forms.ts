import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import type { VineValidator } from '@vinejs/vine'
import { fieldError } from '#core/http/field_error'
import { MediaRejectedError } from '#core/media/errors'
import { wantsFragment } from '#core/http/render'
import { VisitRuleError } from '#modules/experts/visits/visit_actions'
import { ClosingRuleError } from '#modules/experts/closing/close_consultation'

/**
 * The forms of visits and closing share one way of failing: a Chinese message next to
 * the field after a redirect (no JavaScript), or swapped by htmx into the form's own
 * error box (`errorsTarget`) while the rest of the page stays as it is. A step the case's
 * state no longer allows (someone acted first) is reported the same way, on 'form'.
 */
export async function validateVisitForm<V extends VineValidator<any, any>>(ctx: HttpContext, validator: V, errorsTarget: string) {
  return guardVisitForm(ctx, errorsTarget, () =>
    ctx.request.validateUsing(validator, { messagesProvider: ctx.i18n.createMessagesProvider('experts.visits.validator') })
  )
}

export async function guardVisitForm<T>(ctx: HttpContext, errorsTarget: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    const failure =
      error instanceof VisitRuleError || error instanceof ClosingRuleError
        ? fieldError('form', ctx.i18n.t(`experts.visits.${error.messageKey}`))
        : error instanceof MediaRejectedError
          ? fieldError('photos', ctx.i18n.t(error.messageKey))
          : error
    if (failure instanceof vineErrors.E_VALIDATION_ERROR && wantsFragment(ctx)) {
      ctx.response.header('HX-Retarget', errorsTarget).header('HX-Reswap', 'innerHTML')
    }
    throw failure
  }
}
