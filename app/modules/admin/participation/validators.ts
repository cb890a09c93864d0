import vine from '@vinejs/vine'
import { plainText } from '#core/http/text_rules'
import { knownRegionRule } from '#core/regions/region_rules'

export const suspendValidator = vine.create({
  region_code: knownRegionRule(),
  reason: plainText(200).minLength(4),
  from_day: vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/),
})

export const restoreValidator = vine.create({
  reason: plainText(200).minLength(4),
})

export const participationListValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).max(10_000).optional(),
})

export const PARTICIPATION_MESSAGES = 'admin.participation.validator'
