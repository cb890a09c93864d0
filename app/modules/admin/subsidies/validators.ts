import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { yuanRule } from '#core/money'
import { plainText } from '#core/http/text_rules'
import { countyRule, regionCodeRule } from '#core/regions/region_rules'
import { bankCardProblem, idNumberProblem, normalizeNumber } from '#modules/admin/subsidies/payment_numbers'
import { RULE_KINDS } from '#modules/admin/subsidies/subsidy_rules'

export const SUBSIDY_MESSAGES = 'admin.subsidies.validator'

/** A year the platform runs (its plan is 2021–2025; figures are kept beyond). */
export const yearRule = () => vine.number().withoutDecimals().range([2020, 2100])

/** 身份证: 18 characters, a real birthday, the GB 11643 check character (the message names which is wrong). */
const idNumber = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  const number = normalizeNumber(String(value))
  const problem = idNumberProblem(number)
  if (problem) field.report('', `id_${problem}`, field)
  else field.mutate(number, field)
})

/** A bank card: 12–19 digits passing Luhn. */
const bankCard = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  const number = normalizeNumber(String(value))
  const problem = bankCardProblem(number)
  if (problem) field.report('', `card_${problem}`, field)
  else field.mutate(number, field)
})

export const idNumberField = () => vine.string().trim().maxLength(30).use(idNumber())

export const listFilterValidator = vine.create({
  year: yearRule().optional(),
  region: regionCodeRule().optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
})

export const proposeValidator = vine.create({
  year: yearRule(),
  county_code: countyRule(),
})

export const adjustValidator = vine.create({
  amount: yuanRule(),
  reason: plainText(200).minLength(4),
})

const tenths = () => vine.string().trim().regex(/^[1-5](\.\d)?$/).transform((text) => Math.round(Number(text) * 10))

export const ruleValidator = vine.create({
  year: yearRule(),
  kind: vine.enum(RULE_KINDS),
  min_valid: vine.number().withoutDecimals().range([0, 100_000]),
  min_rating: tenths().optional(),
  max_missed: vine.number().withoutDecimals().range([0, 100_000]).optional(),
  base_yuan: yuanRule(),
  per_valid_yuan: yuanRule(),
  max_yuan: yuanRule(),
  reason: plainText(200).minLength(4),
})

export const payeeValidator = vine.create({
  holder_name: plainText(30).minLength(2),
  bank_name: plainText(40).minLength(2),
  id_number: idNumberField(),
  card_number: vine.string().trim().maxLength(30).use(bankCard()),
})

export const revealValidator = vine.create({
  reason: plainText(200).minLength(4),
})

export const lookupValidator = vine.create({
  id_number: idNumberField(),
})
