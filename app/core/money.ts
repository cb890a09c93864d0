import vine from '@vinejs/vine'

/*
 * Money is integer 分 (fen) end to end: in columns, in arithmetic, in exports. Yuan
 * exist only where a person reads or types them, converted by string arithmetic, since
 * a binary float never holds money.
 */

/** An amount in yuan as a person types it ("35", "35.5", "35.50") turned into fen. */
export function yuanToFen(text: string): number {
  const [yuan, decimals = ''] = text.split('.')
  return Number.parseInt(yuan, 10) * 100 + Number.parseInt(decimals.padEnd(2, '0'), 10)
}

/** 3550 → "35.50" */
export function fenToYuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/** A form field in yuan with at most two decimals, up to 999999.99 (no sign, no letters, no 元), validated into fen. */
export const yuanRule = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{1,6}(\.\d{1,2})?$/)
    .transform(yuanToFen)
