import vine from '@vinejs/vine'
import { plainText } from '#core/http/text_rules'
import { knownRegionRule } from '#core/regions/region_rules'
import { CENTER_LEVELS } from '#modules/admin/models/operation_center'

export const CENTRE_MESSAGES = 'admin.centres.validator'

/** Registering a centre: its region (a village station also names a current village of that county). */
export const centreValidator = vine.create({
  region_code: knownRegionRule(),
  village_code: vine.string().trim().regex(/^\d{12}$/).optional(),
  name: plainText(60).minLength(2),
  address: plainText(120).minLength(2),
})

/** The centres list: a level and a page. */
export const centreListValidator = vine.create({
  level: vine.enum(CENTER_LEVELS).optional(),
  page: vine.number().withoutDecimals().min(1).max(10_000).optional(),
})

/** Filling a 六有 item: what the centre has (the files come as photos[] and documents[]). */
export const itemValidator = vine.create({
  note: plainText(500).minLength(2),
})

/** The level above's review: approve, or return with a reason. */
export const reviewValidator = vine.create({
  decision: vine.enum(['approved', 'returned'] as const),
  reason: plainText(200).minLength(4).optional(),
})
