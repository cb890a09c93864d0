import vine from '@vinejs/vine'
import { plainText } from '#core/http/text_rules'
import { OFFICER_GROUPS } from '#modules/experts/officers/officer'

export const officerApplicationValidator = vine.create({
  village_code: vine.string().trim().regex(/^\d{12}$/),
  group: vine.enum(OFFICER_GROUPS),
  group_other: plainText(30).minLength(2).optional().requiredWhen('group', '=', 'other'),
  organization: plainText(60).minLength(2),
  statement: plainText(300).minLength(5),
})

export const officerReviewListValidator = vine.create({
  status: vine.enum(['pending', 'verified', 'rejected'] as const).optional(),
  page: vine.number().min(1).max(10000).optional(),
})

/** The i18n prefix of these forms' field names and messages (experts.json). */
export const OFFICER_MESSAGES = 'experts.officers.validator'
