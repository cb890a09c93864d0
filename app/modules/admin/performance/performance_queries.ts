import db from '@adonisjs/lucid/services/db'
import { RegionScope } from '#core/regions/region_scope'

export const PER_PAGE = 20

/**
 * The year's figures of one kind of person inside a region, most valid consultations first
 * (paginated: one walk of the ranking index), with the names of the page's people only.
 */
export async function figuresOf(input: { year: number; region: RegionScope; role: 'expert' | 'info_officer'; page: number }) {
  const query = db
    .from('admin_performance_figures')
    .where('year', input.year)
    .where('role', input.role)
    .orderBy([{ column: 'valid', order: 'desc' }, { column: 'user_id' }])
  const figures = await RegionScope.constrain(query, [input.region]).paginate(input.page, PER_PAGE)
  const ids = figures.all().map((row: any) => row.user_id)
  const names = new Map((await db.from('users').whereIn('id', ids).select('id', 'name')).map((user) => [String(user.id), user.name]))
  for (const row of figures.all() as any[]) row.name = names.get(String(row.user_id)) ?? null
  return figures
}

/** When the region's figures of the year were computed (a computation writes one time for all its rows); null: never. */
export async function computedAt(year: number, region: RegionScope): Promise<Date | null> {
  const query = db.from('admin_performance_figures').where('year', year).select('computed_at')
  const row = await RegionScope.constrain(query, [region]).first()
  return row?.computed_at ?? null
}
