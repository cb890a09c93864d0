import vine from '@vinejs/vine'
import { SERVICE_CATEGORIES } from '#modules/experts/models/followup_call'

export const queueValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).max(100000).optional(),
})

export const revealValidator = vine.create({
  owner: vine.enum(['reporter', 'farmer'] as const),
})

/** A call: reached or not; only a reached call rules on the service (valid? which kind?). */
export const callValidator = vine.create({
  reached: vine.enum(['yes', 'no'] as const),
  service_valid: vine.enum(['valid', 'invalid'] as const).optional().requiredWhen('reached', '=', 'yes'),
  category: vine.enum(SERVICE_CATEGORIES).optional().requiredWhen('reached', '=', 'yes'),
  notes: vine.string().trim().maxLength(500).optional(),
})
