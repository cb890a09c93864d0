import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import { countyRule } from '#core/regions/region_rules'
import { EXPERT_LEVELS } from '#modules/experts/shared/consultation_states'
import { areaMessages } from '#core/http/form_messages'
import { plainText } from '#core/http/text_rules'
import { knownIndustries } from '#core/industries/industry_rules'

/** The main industry first; at most two more. */
export const MAX_OTHER_INDUSTRIES = 2

export const expertProfileValidator = vine.create({
  organization: plainText(60).minLength(2),
  title: plainText(30),
  level: vine.enum(EXPERT_LEVELS),
  county_code: countyRule(),
  industry: vine.string().trim().use(knownIndustries()),
  other_industries: vine
    .array(vine.string().trim())
    .maxLength(MAX_OTHER_INDUSTRIES)
    .distinct()
    .use(knownIndustries())
    .optional(),
  specialties: plainText(200).minLength(2),
  bio: plainText(500).optional(),
})

export const MAX_OPEN_CASES = 50

export const availabilityValidator = vine.create({
  availability: vine.enum(['on_duty', 'away'] as const),
  away_until: vine.date({ formats: ['YYYY-MM-DD'] }).optional().requiredWhen('availability', '=', 'away'),
  max_open_cases: vine.number().withoutDecimals().range([1, MAX_OPEN_CASES]),
})

export const rejectionValidator = vine.create({
  reason: plainText(200).minLength(2),
})

export const reviewListValidator = vine.create({
  status: vine.enum(['pending', 'verified', 'rejected'] as const).optional(),
  page: vine.number().min(1).max(10000).optional(),
})

const AREA = 'experts.profiles.validator'
/** Messages of this area's forms (experts.json), the shared ones (validator.json) where it words nothing itself. */
export const profileMessages = (i18n: I18n) => areaMessages(i18n, AREA)
