/**
 * Roles of DESIGN §3, in the order the demo accounts use them. Staff and admin roles
 * carry a region scope (a code prefix); the others follow the person's own county.
 */
export const ROLES = [
  'farmer',
  'info_officer',
  'expert',
  'market_entity',
  'center_staff',
  'center_admin',
  'platform_admin',
] as const

export type Role = (typeof ROLES)[number]

export const SCOPED_ROLES: readonly Role[] = ['center_staff', 'center_admin', 'platform_admin']

export const ADMIN_ROLES: readonly Role[] = ['center_admin', 'platform_admin']

export function isScopedRole(role: Role) {
  return SCOPED_ROLES.includes(role)
}
