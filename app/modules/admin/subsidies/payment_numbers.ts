import { DateTime } from 'luxon'

/*
 * The two numbers a subsidy is paid with, checked before anything is stored:
 * a 居民身份证 number (GB 11643-1999: 17 digits, the last a check character over them)
 * and a bank card number (12–19 digits, the Luhn check digit last).
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** As people type them: spaces and dashes dropped, a final x upper-cased. */
export function normalizeNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase()
}

/** The GB 11643 check character of the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]
  return ID_CHECK[sum % 11]
}

export type IdProblem = 'format' | 'birthday' | 'check_digit'

/** Why an 18-character 身份证 number is not one (null: it is): its shape, its birthday, its check character. */
export function idNumberProblem(idNumber: string): IdProblem | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'format'
  const birthday = DateTime.fromFormat(idNumber.slice(6, 14), 'yyyyMMdd')
  if (!birthday.isValid || birthday.year < 1900 || birthday > DateTime.now()) return 'birthday'
  return idCheckCharacter(idNumber) === idNumber[17] ? null : 'check_digit'
}

/** Whether the digits pass the Luhn check (the last digit is the check digit). */
export function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

export type CardProblem = 'format' | 'luhn'

/** Why a bank card number is not one (null: it is). */
export function bankCardProblem(cardNumber: string): CardProblem | null {
  if (!/^\d{12,19}$/.test(cardNumber)) return 'format'
  return passesLuhn(cardNumber) ? null : 'luhn'
}
