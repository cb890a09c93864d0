import vine from '@vinejs/vine'
import { yuanRule } from '#core/money'
import { countyRule } from '#core/regions/region_rules'
import { plainText } from '#core/http/text_rules'
import { knownIndustries } from '#core/industries/industry_rules'
import { AWARD_MODES } from '#modules/achievements/bounties/bounty_states'

/** 发榜: the need, its industry and place, the budget range (yuan), a deadline (required: a board entry ends) and how it is awarded. */
export const bountyValidator = vine.create({
  title: plainText(60).minLength(4),
  description: plainText(2000).minLength(10),
  industry: vine.string().trim().use(knownIndustries()),
  county_code: countyRule(),
  budget_min: yuanRule().optional(),
  budget_max: yuanRule().optional(),
  deadline: vine.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/),
  award_mode: vine.enum(AWARD_MODES),
})

export const grabValidator = vine.create({
  proposal: plainText(500).minLength(10),
})

export const pickValidator = vine.create({
  claim_id: vine.number().withoutDecimals().positive(),
})

export const feeValidator = vine.create({
  fee: yuanRule(),
})

export const rateValidator = vine.create({
  rating: vine.number().withoutDecimals().min(1).max(5),
})

export const cancelValidator = vine.create({
  reason: plainText(200).minLength(2),
})

export const BOUNTY_MESSAGES = 'achievements.bounties.validator'
