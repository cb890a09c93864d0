/**
 * What a public page must not show of the people behind a case (DESIGN §6): phone
 * numbers, and the farmer's and reporter's names, wherever they were typed into the
 * question or the answer. Masking happens when the public copy is written (a knowledge
 * entry, a solved case's document in the text index), so no later page, snippet, cache or
 * export of it can leak them.
 */

/** A mobile (11 digits from 1), a landline or any other run of 7+ digits, spaces and dashes allowed between them. */
const DIGIT_RUN = /(?<!\d)\d(?:[\s-]?\d){6,}(?!\d)/g
/** Names shorter than this would mask ordinary words (a one-character "name" is anything). */
const MIN_NAME_LENGTH = 2

/** Each digit of a long run becomes *, so the sentence still reads ("打 *********** 联系"). */
export function maskDigits(text: string): string {
  return text.replace(DIGIT_RUN, (run) => run.replace(/\d/g, '*'))
}

/** 王大田 → 王某: the usual form for a person in published Chinese case reports. */
export function maskedName(name: string): string {
  return `${[...name][0]}某`
}

/** Every occurrence of each name (longest first, so 王大田 is not left as 王某田 by 大田). */
export function maskNames(text: string, names: (string | null | undefined)[]): string {
  const unique = [...new Set(names.map((name) => name?.trim() ?? '').filter((name) => [...name].length >= MIN_NAME_LENGTH))]
  unique.sort((a, b) => b.length - a.length)
  let masked = text
  for (const name of unique) masked = masked.split(name).join(maskedName(name))
  return masked
}

export function maskPersonal(text: string, names: (string | null | undefined)[]): string {
  return maskDigits(maskNames(text, names))
}

const TITLE_CHARS = 30

/** The entry's title: the start of its (masked) question, up to the first sentence end. */
export function titleFrom(problem: string): string {
  const flat = problem.replace(/\s+/g, ' ').trim()
  const sentence = flat.split(/[。！？!?]/u)[0] || flat
  const chars = [...sentence]
  return chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS).join('')}…` : sentence
}
