import db from '@adonisjs/lucid/services/db'
import { RegionScope } from '#core/regions/region_scope'
import { personFigures, refreshCaseFacts } from '#modules/experts/public'

/** Rows per INSERT: one statement of parallel arrays (unnest), far below Postgres' bind limit. */
const BATCH = 5000

const COLUMNS = [
  ['role', 'text'],
  ['user_id', 'bigint'],
  ['county_code', 'text'],
  ['level', 'text'],
  ['cases', 'int'],
  ['valid', 'int'],
  ['invalid', 'int'],
  ['unverified', 'int'],
  ['responded', 'int'],
  ['response_seconds', 'bigint'],
  ['rated', 'int'],
  ['rating_sum', 'int'],
  ['visits', 'int'],
  ['triage_missed', 'int'],
  ['response_missed', 'int'],
] as const

const camel = (column: string) => column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())

/**
 * A year's figures of every expert and 信息员 in `scope`, computed again from the case log
 * (the expert service's facts, brought up to date first) and stored in place of the old ones.
 */
export async function computePerformance(year: number, scope: RegionScope = RegionScope.province): Promise<{ people: number }> {
  await refreshCaseFacts()
  const figures = await personFigures(year, scope)
  await db.transaction(async (trx) => {
    const old = trx.from('admin_performance_figures').where('year', year)
    await RegionScope.constrain(old, [scope]).delete()
    for (let start = 0; start < figures.length; start += BATCH) {
      const batch = figures.slice(start, start + BATCH)
      const arrays = COLUMNS.map(([column]) => batch.map((row) => (row as any)[camel(column)]))
      await trx.rawQuery(
        `INSERT INTO admin_performance_figures (year, ${COLUMNS.map(([c]) => c).join(', ')}, computed_at)
         SELECT ?, *, now() FROM unnest(${COLUMNS.map(([, type]) => `?::${type}[]`).join(', ')})`,
        [year, ...arrays]
      )
    }
  })
  return { people: figures.length }
}
