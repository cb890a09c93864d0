import vine from '@vinejs/vine'
import { plainText } from '#core/http/text_rules'
import { countyRule, knownRegionRule, regionCodeRule } from '#core/regions/region_rules'
import { PERIOD } from '#modules/admin/evaluations/evaluation_score'

export const EVALUATION_MESSAGES = 'admin.evaluations.validator'

const period = () => vine.string().trim().regex(PERIOD)

/** The ranking: a city and a month or year. */
export const rankingValidator = vine.create({
  city: regionCodeRule().regex(/^51\d{2}00$/).optional(),
  period: period().optional(),
})

export const computeValidator = vine.create({
  city: knownRegionRule('city'),
  period: period(),
})

export const targetValidator = vine.create({
  county_code: countyRule(),
  year: vine.number().withoutDecimals().range([2020, 2100]),
  monthly_valid: vine.number().withoutDecimals().range([1, 100_000]),
})

/** A 通报: the city (or 510000, the province) it speaks for, its period, title and text. */
export const noticeValidator = vine.create({
  region: knownRegionRule(),
  period: period(),
  title: plainText(60).minLength(4),
  body: plainText(2000).minLength(10),
})

export const noticeListValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).max(10_000).optional(),
})
