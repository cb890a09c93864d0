import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { yuanRule } from '#core/money'
import { countyRule } from '#core/regions/region_rules'
import { plainText } from '#core/http/text_rules'
import { knownIndustries } from '#core/industries/industry_rules'
import { IP_STATUSES, LISTING_KINDS, MATURITIES, normalisePatentNumber, PATENT_NUMBER } from '#modules/achievements/shared/vocabulary'

export const MAX_OTHER_INDUSTRIES = 2

/** ZL + 12/13 digits, as typed with or without spaces and the dot before the check digit. */
const patentNumber = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  if (!PATENT_NUMBER.test(normalisePatentNumber(String(value)))) field.report('', 'regex', field)
})

const common = {
  kind: vine.enum(LISTING_KINDS),
  title: plainText(60).minLength(4),
  description: plainText(2000).minLength(10),
  county_code: countyRule(),
  industry: vine.string().trim().use(knownIndustries()),
  other_industries: vine.array(vine.string().trim()).maxLength(MAX_OTHER_INDUSTRIES).distinct().use(knownIndustries()).optional(),
}

/** 发布技术需求: the need, its place and industries, an optional budget range (yuan) and deadline. */
export const demandValidator = vine.create({
  ...common,
  budget_min: yuanRule().optional(),
  budget_max: yuanRule().optional(),
  // A Beijing date as the date input sends it; whether it is a real day and not past is listing_rules' (a RuleError).
  deadline: vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
})

/** 发布成果: what is offered, how mature, its IP status and (for a patent) the patent number. */
export const offerValidator = vine.create({
  ...common,
  maturity: vine.enum(MATURITIES),
  ip_status: vine.enum(IP_STATUSES),
  patent_number: vine.string().trim().maxLength(24).use(patentNumber()).transform(normalisePatentNumber).optional(),
})

export const LISTING_MESSAGES = 'achievements.listings.validator'
