import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { countyRule } from '#core/regions/region_rules'
import { plainText } from '#core/http/text_rules'
import { knownIndustries } from '#core/industries/industry_rules'
import { CONTACT_PHONE, isShopUrl, MAX_SHOP_URLS, shopUrlLines, WECHAT_ID } from '#modules/supply/shared/channels'
import { SELLER_KINDS, SELLER_STATUSES } from '#modules/supply/models/seller'
import { SEASONS } from '#core/seasons'

/** One http(s) link a line, at most MAX_SHOP_URLS. */
const shopUrls = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  const lines = shopUrlLines(String(value))
  if (lines.length > MAX_SHOP_URLS) field.report('', 'shop_urls.count', field)
  else if (!lines.every(isShopUrl)) field.report('', 'shop_urls.scheme', field)
})

export const MAX_OTHER_INDUSTRIES = 2

export const sellerValidator = vine.create({
  name: plainText(60).minLength(2),
  kind: vine.enum(SELLER_KINDS),
  county_code: countyRule(),
  industry: vine.string().trim().use(knownIndustries()),
  other_industries: vine
    .array(vine.string().trim())
    .maxLength(MAX_OTHER_INDUSTRIES)
    .distinct()
    .use(knownIndustries())
    .optional(),
  products: plainText(500).minLength(2),
  shop_urls: vine.string().trim().maxLength(700).use(shopUrls()).optional(),
  wechat_id: vine.string().trim().maxLength(20).regex(WECHAT_ID).optional(),
  phone: vine.string().trim().maxLength(13).regex(CONTACT_PHONE).optional(),
  licence_number: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{18}$/)
    .optional(),
})

export const removalValidator = vine.create({
  reason: plainText(200).minLength(2),
})

/** A season, or empty to clear the recommendation. */
export const recommendValidator = vine.create({
  season: vine.enum(SEASONS).optional(),
})

export const reviewListValidator = vine.create({
  status: vine.enum(SELLER_STATUSES).optional(),
  page: vine.number().min(1).max(10000).optional(),
})

export const SELLER_MESSAGES = 'supply.sellers.validator'
