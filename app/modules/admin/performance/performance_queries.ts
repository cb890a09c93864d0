import db from '@adonisjs/lucid/services/db'
import { RegionScope } from '#core/regions/region_scope'

export const PER_PAGE = 20

/** The year's figures of one kind of person inside a region, most valid consultations first (paginated), with names. */
export function figuresOf(input: { year: number; region: RegionScope; role: 'expert' | 'info_officer'; page: number }) {
  const query = db
    .from('admin_performance_figures as f')
    .join('users as u', 'u.id', 'f.user_id')
    .where('f.year', input.year)
    .where('f.role', input.role)
    .select('f.*', 'u.name')
    .orderBy([{ column: 'f.valid', order: 'desc' }, { column: 'f.user_id' }])
  return RegionScope.constrain(query, [input.region], 'f.county_code').paginate(input.page, PER_PAGE)
}

/** When the region's figures of the year were last computed (null: never). */
export async function computedAt(year: number, region: RegionScope): Promise<Date | null> {
  const query = db.from('admin_performance_figures').where('year', year).max('computed_at as at')
  const row = await RegionScope.constrain(query, [region]).first()
  return row?.at ?? null
}
