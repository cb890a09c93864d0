import vine from '@vinejs/vine'
import { plainText } from '#core/http/text_rules'

export const OUTBREAK_MESSAGES = 'admin.outbreaks.validator'

/** 排除: why the centre judges the cluster no outbreak. */
export const dismissValidator = vine.create({
  reason: plainText(200).minLength(2),
})

export const listValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).max(1000).optional(),
})
