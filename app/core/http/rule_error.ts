import type { I18n } from '@adonisjs/i18n'
import { fieldError } from '#core/http/field_error'

/**
 * A business rule refused the request: the record moved on, a step is no longer
 * allowed, a file is not a photo. Actions throw it with the i18n key of a Chinese
 * message; the exception handler answers it like a failed validation — a 422 fragment
 * for htmx, a redirect back with the message next to `field` and the input kept for a
 * plain form post — so a controller needs no try/catch for it.
 */
export class RuleError extends Error {
  constructor(
    readonly messageKey: string,
    readonly field = 'form',
    readonly data?: Record<string, unknown>
  ) {
    super(messageKey)
  }

  toValidationError(i18n: I18n) {
    return fieldError(this.field, i18n.t(this.messageKey, this.data))
  }
}
