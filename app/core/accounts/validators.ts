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
  // Farmers sign in with SMS codes; a password can be set later (找回密码 / 我的资料).
  password: passwordRule().optional(),
  name: personNameRule().optional(),
})

/**
 * One form, two ways: 手机号 + 短信验证码 (the default), or the password — then `code` is
 * asked for only once the account has seen too many wrong passwords.
 */
export const loginValidator = vine.create({
  phone: phoneRule(),
  password: vine.string().maxLength(64).optional(),
  code: codeRule().optional().requiredIfMissing('password'),
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
