import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { yuanRule } from '#core/money'
import { countyRule } from '#core/regions/region_rules'
import { plainText } from '#core/http/text_rules'
import { knownIndustries } from '#core/industries/industry_rules'
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

export const productValidator = vine.create({
  // Not 'name': the shop form on the same page has one (one id, one error bag per field).
  product_name: plainText(40).minLength(1),
  unit: plainText(10).minLength(1),
  price_from: yuanRule(),
  price_to: yuanRule().optional(),
  season: plainText(30).optional(),
  stock_note: plainText(60).optional(),
})

export const soldOutValidator = vine.create({
  sold_out: vine.boolean().optional(),
})

export const SHOP_MESSAGES = 'supply.shops.validator'

export const reportValidator = vine.create({
  reason: plainText(200).minLength(4),
})
