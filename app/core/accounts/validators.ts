import vine from '@vinejs/vine'
import { SMS_CODE_PURPOSES } from '#core/accounts/models/sms_code'
import { countyRule } from '#core/regions/region_rules'

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const phoneRule = () => vine.string().trim().regex(/^1[3-9]\d{9}$/)
const codeRule = () => vine.string().trim().regex(/^\d{6}$/)
const passwordRule = () => vine.string().minLength(8).maxLength(64)
/** Chinese or Latin letters, middle dot and spaces: no markup, no quotes. */
const personNameRule = () =>
  vine
    .string()
    .trim()
    .maxLength(30)
    .regex(/^[\p{Script=Han}A-Za-z·• ]+$/u)

export const smsCodeRequestValidator = vine.create({
  phone: phoneRule(),
  purpose: vine.enum(SMS_CODE_PURPOSES),
})

export const signupValidator = vine.create({
  phone: phoneRule(),
  code: codeRule(),
  password: passwordRule(),
  name: personNameRule().optional(),
})

export const loginValidator = vine.create({
  phone: phoneRule(),
  password: vine.string().maxLength(64),
  // Asked for only once the account has seen too many wrong passwords.
  code: vine.string().trim().regex(/^\d{6}$/).optional(),
})

export const passwordResetValidator = vine.create({
  phone: phoneRule(),
  code: codeRule(),
  password: passwordRule(),
})

export const profileValidator = vine.create({
  name: personNameRule(),
  county_code: countyRule(),
  village: vine.string().trim().maxLength(60).regex(/^[^<>]*$/).optional(),
})
