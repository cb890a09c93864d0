/** "139****0001", "028****1234": how a phone number (mobile or landline) is shown to anyone but its owner, on pages and in exports. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  const digits = phone.replaceAll('-', '')
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}
