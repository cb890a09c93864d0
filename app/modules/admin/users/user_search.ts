import User from '#core/accounts/models/user'
import { RegionScope } from '#core/regions/region_scope'

export interface UserFilter {
  q?: string
  status?: 'active' | 'deactivated'
}

/**
 * People living in the administrator's scopes, newest first: `q` is a phone prefix (digits)
 * or part of a name; `status` keeps active or deactivated accounts only. The role grants
 * screen searches with it too.
 */
export function usersInScope(scopes: RegionScope[], { q, status }: UserFilter = {}) {
  const query = RegionScope.constrain(User.query(), scopes).orderBy('id', 'desc')
  if (q && /^\d+$/.test(q)) query.where('phone', 'like', `${q}%`)
  else if (q) query.where('name', 'ilike', `%${q.replace(/[\\%_]/g, '\\$&')}%`)
  if (status === 'active') query.whereNull('deactivated_at')
  if (status === 'deactivated') query.whereNotNull('deactivated_at')
  return query
}
