/*
 * 统一社会信用代码 (GB 32100-2015): 18 characters of 0-9 and 21 capitals (no I, O, Z, S, V):
 * the registering authority and kind, the 6-digit region code of registration, the
 * 9-character organisation code, and a check character over the first 17 (weights 3^i mod 31).
 */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

/** The check character the first 17 characters call for. */
export function creditCodeCheck(first17: string): string {
  const sum = [...first17].reduce((total, char, index) => total + CHARS.indexOf(char) * WEIGHTS[index], 0)
  return CHARS[(31 - (sum % 31)) % 31]
}

/** Whether a (capitalised) code has the shape and its check character is right. */
export function isCreditCode(code: string): boolean {
  return SHAPE.test(code) && creditCodeCheck(code.slice(0, 17)) === code[17]
}
