import type { I18n } from '@adonisjs/i18n'
import { maskPhone } from '#core/accounts/mask'
import { beijingTime } from '#core/clock'
import regionDirectory from '#core/regions/region_directory'
import type { RegionScope } from '#core/regions/region_scope'
import { usersInScope, type UserFilter } from '#modules/admin/users/user_search'

export const USER_EXPORT_COLUMNS = ['name', 'phone', 'county', 'roles', 'status', 'created_at', 'last_login_at'] as const
const BATCH = 1000

/**
 * The rows of a user list export, a batch at a time by id (keyset: memory stays flat for a
 * province), each phone masked as on the pages — an export never holds a whole number.
 */
export async function* userExportRows(scopes: RegionScope[], filter: UserFilter, i18n: I18n): AsyncGenerator<(string | number)[][]> {
  let before: number | null = null
  for (;;) {
    const query = usersInScope(scopes, filter).preload('roleGrants').limit(BATCH)
    if (before !== null) query.where('id', '<', before)
    const users = await query
    if (users.length === 0) return
    const rows: (string | number)[][] = []
    for (const user of users) {
      rows.push([
        user.name ?? '',
        maskPhone(user.phone),
        await regionDirectory.fullName(user.countyCode),
        user.roleGrants.map((grant) => i18n.t(`roles.${grant.role}`) + (grant.scope ? ` ${grant.scope}` : '')).join('、'),
        i18n.t(user.deactivatedAt ? 'admin.users.status.deactivated' : 'admin.users.status.active'),
        beijingTime(user.createdAt.toJSDate()),
        user.lastLoginAt ? beijingTime(user.lastLoginAt.toJSDate()) : '',
      ])
    }
    yield rows
    before = Number(users[users.length - 1].id)
  }
}
