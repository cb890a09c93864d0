import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { yuanRule } from '#core/money'
import { countyRule } from '#core/regions/region_rules'
import { plainText } from '#core/http/text_rules'
import { knownIndustries } from '#core/industries/industry_rules'
import { SEASONS } from '#core/seasons'
import { CONTACT_PHONE, isShopUrl, WECHAT_ID } from '#modules/supply/shared/channels'

const shopUrl = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  if (!isShopUrl(String(value))) field.report('', 'shop_url.scheme', field)
})

export const shopValidator = vine.create({
  name: plainText(40).minLength(2),
  county_code: countyRule(),
  industry: vine.string().trim().use(knownIndustries()),
  intro: plainText(300).optional(),
  shop_url: vine.string().trim().maxLength(200).use(shopUrl()).optional(),
  wechat_id: vine.string().trim().maxLength(20).regex(WECHAT_ID).optional(),
  phone: vine.string().trim().maxLength(13).regex(CONTACT_PHONE).optional(),
})

/** Every tick one of the farming seasons (#core/seasons); reported on the list, where the form shows it. */
const knownSeasons = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  if (!Array.isArray(value) || !value.every((season) => SEASONS.includes(season))) field.report('', 'seasons.known', field)
})

const productFields = {
  // Not 'name': the shop form on the same page has one (one id, one error bag per field).
  product_name: plainText(40).minLength(1),
  unit: plainText(10).minLength(1),
  price_from: yuanRule(),
  price_to: yuanRule().optional(),
  // The seasons it is on offer in (checkboxes); none ticked: all year.
  seasons: vine.array(vine.string().trim()).maxLength(SEASONS.length).distinct().use(knownSeasons()).optional(),
  stock_note: plainText(60).optional(),
}

export const productValidator = vine.create(productFields)

/**
 * Editing: the same fields, and the public ids of the photos it keeps (the photo picker's
 * kept photos; only ids of the product's own photos count, anything else is ignored).
 */
export const productUpdateValidator = vine.create({
  ...productFields,
  kept_media: vine.array(vine.string().trim().maxLength(40)).maxLength(20).optional(),
})

export const soldOutValidator = vine.create({
  sold_out: vine.boolean().optional(),
})

export const SHOP_MESSAGES = 'supply.shops.validator'

export const reportValidator = vine.create({
  reason: plainText(200).minLength(4),
})
