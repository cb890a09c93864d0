import { errors } from '@vinejs/vine'

/**
 * A rule that needs the database (a wrong SMS code, a taken phone number) fails the
 * same way as a VineJS rule: message next to the field, the rest of the input kept.
 */
export function fieldError(field: string, message: string) {
  return new errors.E_VALIDATION_ERROR([{ field, message, rule: 'database' }])
}
