import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { knownRegionRule } from '#core/regions/region_rules'
import { plainText } from '#core/http/text_rules'
import { richText } from '#core/http/rich_text'
import { knownIndustries } from '#core/industries/industry_rules'
import { ENTITY_KINDS, MAX_OTHER_INDUSTRIES, RECORD_CATEGORIES, RECORD_KINDS } from '#modules/info/shared/record_states'
import { isCreditCode } from '#modules/info/shared/credit_code'

/** 统一社会信用代码 with a right check character (after trimming and capitalising). */
const creditCode = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  if (typeof value === 'string' && !isCreditCode(value)) field.report('', 'credit_code', field)
})

const day = () => vine.date({ formats: ['YYYY-MM-DD'] })

export const recordValidator = vine.create({
  kind: vine.enum(RECORD_KINDS),
  category: vine.enum(RECORD_CATEGORIES),
  industry: vine.string().trim().use(knownIndustries()),
  other_industries: vine.array(vine.string().trim()).maxLength(MAX_OTHER_INDUSTRIES).distinct().use(knownIndustries()).optional(),
  // The region picker: a county, or only a city; neither is the province.
  city_code: knownRegionRule('city').optional(),
  county_code: knownRegionRule('county').optional(),
  title: plainText(80).minLength(4),
  summary: plainText(300).optional(),
  // Rich text in the safe subset, cleaned here (script, event handlers, javascript: links and styles go): 20–20 000 characters of text.
  body: richText({ min: 20, max: 20_000 }),
  ip_owner: plainText(80).minLength(2),
  source: plainText(120).optional(),
  valid_from: day(),
  valid_to: day().optional(),
  // 龙头企业 and 技术依托单位 only (ignored for other kinds).
  entity_name: plainText(80).minLength(2).optional().requiredWhen('kind', 'in', [...ENTITY_KINDS]),
  credit_code: vine.string().trim().toUpperCase().use(creditCode()).optional().requiredWhen('kind', 'in', [...ENTITY_KINDS]),
  entity_county_code: knownRegionRule('county').optional(),
  entity_products: plainText(200).optional(),
  entity_contact: plainText(60).optional(),
})

export const myRecordsValidator = vine.create({
  page: vine.number().min(1).max(10000).optional(),
})
