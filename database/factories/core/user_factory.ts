import factory from '@adonisjs/lucid/factories'
import User from '#core/accounts/models/user'
import RoleGrant from '#core/accounts/models/role_grant'
import { isScopedRole, type Role } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'
import { zhFaker } from '#database/factories/core/faker'

/** Everyone a factory makes signs in with this password. */
export const FACTORY_PASSWORD = 'secret-pass-1'

/** Mobile numbers 137…, one more for each person made in this process: never two alike. */
let lastPhone = 13700000000
export function nextPhone() {
  return String(++lastPhone)
}

/**
 * A role grant as the admin pages write it: staff and admin roles carry the region
 * scope they serve (a code prefix: '51', '5101', '510104'), the others none — a grant
 * the application would refuse is refused here too.
 */
export const RoleGrantFactory = factory
  .define(RoleGrant, () => ({ role: 'farmer' as Role, scope: null as string | null, grantedById: null }))
  .before('create', (_, grant) => {
    if (isScopedRole(grant.role) && !grant.scope) throw new Error(`RoleGrantFactory: ${grant.role} needs a region scope`)
    if (!isScopedRole(grant.role) && grant.scope) throw new Error(`RoleGrantFactory: ${grant.role} carries no scope`)
    if (grant.scope) RegionScope.fromPrefix(grant.scope)
  })
  .build()

/**
 * A person: a unique mobile number, a Chinese name, a county (锦江区 unless told),
 * and no role until given one:
 *
 *   UserFactory.with('roleGrants', 1, withRole('center_staff', '5101')).create()
 *   UserFactory.apply('farmer').merge({ countyCode: '510129' }).create()
 */
export const UserFactory = factory
  .define(User, () => ({
    phone: nextPhone(),
    password: FACTORY_PASSWORD,
    name: zhFaker.person.fullName(),
    countyCode: '510104',
  }))
  .relation('roleGrants', () => RoleGrantFactory)
  .state('farmer', (user) => holdsRole(user, 'farmer'))
  .state('infoOfficer', (user) => holdsRole(user, 'info_officer'))
  .state('expert', (user) => holdsRole(user, 'expert'))
  .state('marketEntity', (user) => holdsRole(user, 'market_entity'))
  .after('create', async (_, user, ctx) => {
    for (const role of stateRoles.get(user) ?? []) {
      user.$pushRelated('roleGrants', await RoleGrantFactory.useCtx(ctx).merge({ userId: user.id, role }).create())
    }
  })
  .build()

/** Unscoped roles asked for by a state, granted once the person exists. */
const stateRoles = new WeakMap<User, Role[]>()
function holdsRole(user: User, role: Role) {
  stateRoles.set(user, [...(stateRoles.get(user) ?? []), role])
}

/**
 * The callback of `.with('roleGrants', 1, …)` that makes one grant of `role`; staff and
 * admin roles need their scope, e.g. withRole('center_admin', '5101').
 */
export function withRole(role: Role, scope: string | null = null) {
  return (grant: { merge(attributes: { role: Role; scope: string | null }): unknown }) => {
    grant.merge({ role, scope })
  }
}
