/** "139****0001", "028****1234": how a phone number (mobile or landline) is shown to anyone but its owner, on pages and in exports. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  const digits = phone.replaceAll('-', '')
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}

/** "110101********1234": a 身份证 number as shown on pages and in exports (region prefix and last four). */
export function maskIdNumber(idNumber: string | null | undefined): string {
  if (!idNumber) return ''
  return `${idNumber.slice(0, 6)}${'*'.repeat(Math.max(idNumber.length - 10, 0))}${idNumber.slice(-4)}`
}

/** "6222********1234": a bank card number as shown on pages and in exports (first four and last four). */
export function maskBankCard(cardNumber: string | null | undefined): string {
  if (!cardNumber) return ''
  return `${cardNumber.slice(0, 4)}${'*'.repeat(Math.max(cardNumber.length - 8, 0))}${cardNumber.slice(-4)}`
}
