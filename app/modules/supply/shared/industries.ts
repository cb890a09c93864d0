/** The main industry, then the others without repeating it. */
export function industriesOf(main: string, others: string[] = []): string[] {
  return [main, ...others].filter((code, index, all) => all.indexOf(code) === index)
}
