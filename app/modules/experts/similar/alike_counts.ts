import db from '@adonisjs/lucid/services/db'

/**
 * How many consultations of a county and industry name any of `terms` (a cluster's telling
 * words), in each of `windows`: the outbreak alerts' seasonal baseline. Read-only; held and
 * rejected text left out. One count per window, in order.
 */
export async function alikeCaseCounts(options: { countyCode: string; industry: string; terms: string[]; windows: { from: Date; to: Date }[] }): Promise<number[]> {
  if (!options.terms.length) return options.windows.map(() => 0)
  const patterns = options.terms.map((term) => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`)
  const counts: number[] = []
  // One after another: a caller's transaction holds one connection.
  for (const { from, to } of options.windows) {
    const row = await db
      .from('experts_consultations')
      .where('county_code', options.countyCode)
      .where('industry_code', options.industry)
      .where('moderation', 'pass')
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .whereRaw('text ILIKE ANY (?::text[])', [patterns])
      .count('* as n')
      .first()
    counts.push(Number(row?.n ?? 0))
  }
  return counts
}
