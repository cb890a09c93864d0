import vine from '@vinejs/vine'

/** What a person calls one of their passkeys ("我的华为手机"): shown only to them, escaped. */
const passkeyNameRule = () => vine.string().trim().minLength(1).maxLength(30)

/**
 * The phone's answer (navigator.credentials, posted as JSON by resources/assets/passkeys.js);
 * its content is checked by @simplewebauthn/server. Without JavaScript the form posts
 * without one, and is told so.
 */
const credentialRule = () => vine.object({ id: vine.string().maxLength(1400), type: vine.string().maxLength(20) }).allowUnknownProperties()

export const addPasskeyValidator = vine.create({
  name: passkeyNameRule().optional(),
  credential: credentialRule().optional(),
})

export const passkeyLoginValidator = vine.create({
  credential: credentialRule().optional(),
})

export const renamePasskeyValidator = vine.create({
  name: passkeyNameRule(),
})
