import db from '@adonisjs/lucid/services/db'
import { RegionScope } from '#core/regions/region_scope'

export const PER_PAGE = 20

/** The year's lists inside a region with their totals, newest county first (paginated). */
export function listsOf(year: number, region: RegionScope, page: number) {
  const query = db
    .from('admin_subsidy_lists as s')
    .where('s.year', year)
    .select('s.id', 's.county_code', 's.status', 's.approved_at', 's.created_at')
    .select(db.raw('(SELECT count(*) FROM admin_subsidy_lines l WHERE l.list_id = s.id AND l.amount_fen > 0)::int AS paid_count'))
    .select(db.raw('(SELECT coalesce(sum(l.amount_fen), 0) FROM admin_subsidy_lines l WHERE l.list_id = s.id)::bigint AS total_fen'))
    .orderBy('s.county_code')
  return RegionScope.constrain(query, [region], 's.county_code').paginate(page, PER_PAGE)
}

export function findList(id: number) {
  return db.from('admin_subsidy_lists').where('id', id).first()
}

/** A list's lines with each person's name and masked payment data (paginated, biggest amount first). */
export function linesOf(listId: number, page: number) {
  return db
    .from('admin_subsidy_lines as l')
    .join('users as u', 'u.id', 'l.user_id')
    .leftJoin('admin_subsidy_payees as p', 'p.user_id', 'l.user_id')
    .where('l.list_id', listId)
    .select('l.*', 'u.name', 'p.id_number_masked', 'p.card_masked', 'p.bank_name')
    .orderBy([{ column: 'l.amount_fen', order: 'desc' }, { column: 'l.id' }])
    .paginate(page, PER_PAGE)
}

export function findLine(id: number) {
  return db.from('admin_subsidy_lines as l').join('admin_subsidy_lists as s', 's.id', 'l.list_id').where('l.id', id).select('l.*', 's.county_code', 's.status').first()
}
