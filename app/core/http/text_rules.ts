import vine from '@vinejs/vine'

/** Plain text shown to others: trimmed, at most `max` characters, no markup characters (< >). */
export const plainText = (max: number) =>
  vine
    .string()
    .trim()
    .maxLength(max)
    .regex(/^[^<>]*$/)
