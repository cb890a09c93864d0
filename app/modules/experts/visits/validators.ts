import vine from '@vinejs/vine'
import { yuanRule } from '#core/money'
import type { FieldContext } from '@vinejs/vine/types'
import { beijingDate, today } from '#core/clock'

/** Where a no-JS form returns to: a path of this site, never another host. */
const backRule = () =>
  vine
    .string()
    .trim()
    .maxLength(300)
    .regex(/^\/(?![/\\])[\w\-./?=&%]*$/)
    .optional()

const reasonRule = () => vine.string().trim().minLength(2).maxLength(500)

/** A real calendar day (yyyy-MM-dd), today or later (Beijing's today on the platform clock), at most a year ahead. */
const visitDay = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  const day = beijingDate(value)
  if (!day.isValid) return field.report('', 'visit_day', field)
  if (day < today()) return field.report('', 'not_past', field)
  if (day > today().plus({ years: 1 })) return field.report('', 'within_year', field)
})

const scheduledOnRule = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .use(visitDay())

export const requestVisitValidator = vine.create({
  reason: reasonRule(),
  back: backRule(),
})

export const dispatchVisitValidator = vine.create({
  expert_id: vine.number().withoutDecimals().positive(),
  scheduled_on: scheduledOnRule(),
  place: vine.string().trim().minLength(2).maxLength(100),
})

export const rescheduleVisitValidator = vine.create({
  scheduled_on: scheduledOnRule(),
  place: vine.string().trim().minLength(2).maxLength(100),
  reason: reasonRule(),
})

export const cancelVisitValidator = vine.create({
  reason: reasonRule(),
})

export const visitOutcomeValidator = vine.create({
  outcome: vine.string().trim().minLength(2).maxLength(2000),
  travel_cost: yuanRule(),
  back: backRule(),
})

export const closeConsultationValidator = vine.create({
  rating: vine.enum(['1', '2', '3', '4', '5'] as const).transform(Number),
  comment: vine.string().trim().maxLength(500).optional(),
  back: backRule(),
})

export const staffVisitListValidator = vine.create({
  status: vine.enum(['requested', 'dispatched', 'visited', 'cancelled', 'all'] as const).optional(),
  page: vine.number().withoutDecimals().min(1).max(100000).optional(),
})
