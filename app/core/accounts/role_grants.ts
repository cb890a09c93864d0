import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import RoleGrant from '#core/accounts/models/role_grant'
import type { Role } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'
import { scopeTakesPart, suspendedRegionCodes } from '#core/regions/participation'

/*
 * Role grants as the modules read and change them: a module never queries or writes
 * role_grants itself, so the table can change shape (or move) in one place.
 */

/**
 * Who among the holders of `roles` answers for a county: those of the narrowest scope
 * that has anyone — the county's own centre, else its city's, else (unless `upTo` is
 * 'city') the province's. A suspended county or city (#core/regions/participation) is
 * passed over: its city, or the province, answers instead. User ids, each once.
 */
export async function narrowestStaffOf(
  countyCode: string,
  roles: readonly Role[],
  options: { upTo?: 'city' | 'province'; client?: QueryClientContract } = {}
): Promise<number[]> {
  const county = RegionScope.fromRegionCode(countyCode)
  const inForce = await suspendedRegionCodes(options.client)
  const prefixes = [county, county.city, ...(options.upTo === 'city' ? [] : [RegionScope.province])]
    .filter((scope) => scopeTakesPart(scope, inForce))
    .map((scope) => scope.prefix)
  if (prefixes.length === 0) return []
  const grants = await (options.client ?? db).from('role_grants').whereIn('role', [...roles]).whereIn('scope', prefixes).select('user_id', 'scope')
  const narrowest = Math.max(0, ...grants.map((grant) => grant.scope.length))
  return [...new Set(grants.filter((grant) => grant.scope.length === narrowest).map((grant) => Number(grant.user_id)))]
}

/** Grants a role (staff roles with their scope prefix, others with none) unless the person holds it already: null then. */
export async function addRoleGrant(
  client: QueryClientContract,
  grant: { userId: number; role: Role; scope: string | null; grantedById: number | null }
): Promise<RoleGrant | null> {
  const held = await RoleGrant.query({ client })
    .where({ userId: grant.userId, role: grant.role })
    .where((query) => (grant.scope ? query.where('scope', grant.scope) : query.whereNull('scope')))
    .first()
  if (held) return null
  return RoleGrant.create(grant, { client })
}

/** SQL, for a query over many people, that is true when the user id in `userColumn` holds `role`. */
export function holdsRoleSql(userColumn: string, role: Role) {
  if (!/^[a-z_]+(\.[a-z_]+)?$/.test(userColumn)) throw new Error(`Not a column name: ${userColumn}`)
  return `EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = ${userColumn} AND g.role = '${role}')`
}

/** Who holds one of `roles` at exactly this scope (an operation centre's staff): each person once, with their roles, by name. */
export async function holdersAt(
  scope: RegionScope,
  roles: readonly Role[],
  client: QueryClientContract = db.connection()
): Promise<{ userId: number; name: string | null; phone: string; roles: Role[] }[]> {
  const rows: { id: string; name: string | null; phone: string; role: Role }[] = await client
    .from('role_grants as g')
    .join('users as u', 'u.id', 'g.user_id')
    .where('g.scope', scope.prefix)
    .whereIn('g.role', [...roles])
    .orderBy('u.name')
    .orderBy('u.id')
    .select('u.id', 'u.name', 'u.phone', 'g.role')
  const people = new Map<number, { userId: number; name: string | null; phone: string; roles: Role[] }>()
  for (const row of rows) {
    const person = people.get(Number(row.id)) ?? { userId: Number(row.id), name: row.name, phone: row.phone, roles: [] }
    person.roles.push(row.role)
    people.set(person.userId, person)
  }
  return [...people.values()]
}
