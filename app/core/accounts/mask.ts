/** "139****0001": how a phone number is shown to anyone but its owner (pages and exports alike). */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  return `${phone.slice(0, 3)}****${phone.slice(7)}`
}
