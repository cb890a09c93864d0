import vine from '@vinejs/vine'
import { countyRule } from '#core/regions/region_rules'
import { plainText } from '#core/http/text_rules'
import { PLATFORM_KINDS, PLATFORM_LEVELS } from '#modules/achievements/models/innovation_platform'

export const platformValidator = vine.create({
  name: plainText(60).minLength(2),
  kind: vine.enum(PLATFORM_KINDS),
  level: vine.enum(PLATFORM_LEVELS),
  county_code: countyRule(),
  address: plainText(120).minLength(2),
  services: plainText(1000).minLength(2),
  contact: plainText(60).minLength(2),
})

export const PLATFORM_MESSAGES = 'achievements.platforms.validator'
