import User from '#core/accounts/models/user'
import { RegionScope } from '#core/regions/region_scope'

export interface UserFilter {
  q?: string
  status?: 'active' | 'deactivated'
}

/** From this many characters a name is matched anywhere (trigram index); shorter, at its start (a surname). */
const ANYWHERE_FROM = 3

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, '\\$&')

/**
 * People living in the administrator's scopes, newest first: `q` is a phone prefix (digits)
 * or a name — one or two characters its start ("李", "李建"), three or more anywhere in it
 * (both through indexes, migration 0811); `status` keeps active or deactivated accounts only.
 * The role grants screen searches with it too.
 */
export function usersInScope(scopes: RegionScope[], { q, status }: UserFilter = {}) {
  const query = RegionScope.constrain(User.query(), scopes).orderBy('id', 'desc')
  if (q && /^\d+$/.test(q)) query.where('phone', 'like', `${q}%`)
  else if (q && [...q].length >= ANYWHERE_FROM) query.where('name', 'ilike', `%${likeEscaped(q)}%`)
  else if (q) query.where('name', 'like', `${likeEscaped(q)}%`)
  if (status === 'active') query.whereNull('deactivated_at')
  if (status === 'deactivated') query.whereNotNull('deactivated_at')
  return query
}
