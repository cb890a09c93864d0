import vine from '@vinejs/vine'
import type { DateTime } from 'luxon'
import { beijingDate, today } from '#core/clock'
import { fieldError } from '#core/http/field_error'
import { regionCodeRule } from '#core/regions/region_rules'
import { CONSULTATION_STATES } from '#modules/experts/shared/consultation_states'

/** Days are Sichuan's days: a range "2026-01-01 to 2026-01-31" runs from Beijing midnight to Beijing midnight. */
export const MAX_RANGE_YEARS = 10
export const DEFAULT_RANGE_DAYS = 30

const day = () => vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/).optional()

const filters = {
  region: regionCodeRule().optional(),
  from: day(),
  to: day(),
}

export const statisticsValidator = vine.create(filters)

export const exportValidator = vine.create({
  ...filters,
  industry: vine.string().trim().regex(/^[a-z_]{2,30}$/).optional(),
  state: vine.enum(CONSULTATION_STATES).optional(),
  format: vine.enum(['csv', 'xlsx'] as const),
})

export interface DateRange {
  /** First instant inside the range (Beijing midnight of the first day). */
  from: Date
  /** First instant after it (Beijing midnight after the last day). */
  to: Date
  fromDay: string
  toDay: string
}

/**
 * The chosen days (default: the last 30 days up to today) as instants. A day that
 * does not exist, an end before the start or more than 10 years are refused with a
 * message next to the field, like any other validation error.
 */
export function dateRange(
  input: { from?: string; to?: string },
  messages: { invalid: string; order: string; tooLong: string }
): DateRange {
  const parse = (field: 'from' | 'to', fallback: DateTime) => {
    if (!input[field]) return fallback
    const parsed = beijingDate(input[field]!)
    if (!parsed.isValid) throw fieldError(field, messages.invalid)
    return parsed
  }
  const last = parse('to', today())
  const first = parse('from', last.minus({ days: DEFAULT_RANGE_DAYS - 1 }))
  if (first > last) throw fieldError('to', messages.order)
  if (first.plus({ years: MAX_RANGE_YEARS }) < last) throw fieldError('to', messages.tooLong)
  return {
    from: first.toJSDate(),
    to: last.plus({ days: 1 }).toJSDate(),
    fromDay: first.toFormat('yyyy-MM-dd'),
    toDay: last.toFormat('yyyy-MM-dd'),
  }
}
