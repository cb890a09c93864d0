import encryption from '@adonisjs/core/services/encryption'

/*
 * 身份证 and bank card numbers at rest (DESIGN §6): encrypted with the `payment`
 * encrypter (config/encryption.ts, key PAYMENT_DATA_KEY, not APP_KEY), and found again
 * through a keyed hash (an HMAC blind index derived from the same key) — the table
 * holds no digits of either beyond the masked form shown on pages.
 */

export type PaymentField = 'id_number' | 'bank_card'

const purpose = (field: PaymentField) => `admin.subsidies.${field}`

const vault = () => encryption.use('payment')

/** The number as stored: authenticated ciphertext bound to its field. */
export function sealNumber(field: PaymentField, value: string): string {
  return vault().encrypt(value, { purpose: purpose(field) })
}

/** The number back from its ciphertext (null if the key or field does not match). */
export function openNumber(field: PaymentField, sealed: string): string | null {
  return vault().decrypt<string>(sealed, purpose(field))
}

/** The lookup key of a number: equal numbers give equal keys, and the key tells nothing without PAYMENT_DATA_KEY. */
export function numberIndex(field: PaymentField, value: string): string {
  return vault().blindIndex(value, purpose(field))
}
