import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { industryNames } from '#core/industries/industry_directory'

/**
 * Codes of the 10+3 industries only, for a single code or a list: every form that takes an
 * industry (an expert's, a record's, a seller's, a product's) refuses anything else with
 * its own `industries.known` message.
 */
export const knownIndustries = vine.createRule(
  async (value: unknown, _options: undefined, field: FieldContext) => {
    const known = await industryNames()
    const codes = Array.isArray(value) ? value : [value]
    if (codes.some((code) => typeof code !== 'string' || !known.has(code))) field.report('', 'industries.known', field)
  },
  { isAsync: true }
)

/** The industry picker's main industry and others as one list: the main one first, none twice. */
export function industriesOf(main: string, others: string[] = []): string[] {
  return [main, ...others].filter((code, index, all) => all.indexOf(code) === index)
}
