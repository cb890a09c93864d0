import Industry from '#core/industries/industry'

/*
 * The 13 industries (10+3) as every module names them: reference data that changes
 * with a migration, read once per process.
 */

let industries: Promise<Industry[]> | undefined
/** The industries in their official order. */
export function industryList(): Promise<Industry[]> {
  industries ??= Industry.query().orderBy('position').then((rows) => rows)
  return industries
}

let names: Promise<ReadonlyMap<string, string>> | undefined
/** Code → name (grain_oil → 川粮油). */
export function industryNames(): Promise<ReadonlyMap<string, string>> {
  names ??= industryList().then((rows) => new Map(rows.map((industry) => [industry.code, industry.name])))
  return names
}
