/*
 * What the management centre adds to the app at boot, in every process: its routes and
 * its ways in on core's pages (the 管理 tab, the review queue on the centre's home).
 */
import '#modules/admin/routes'
import { hasAnyRole, registerNavigation } from '#core/navigation'
import { registerAuditActions } from '#core/audit/audit'
import { ADMIN_ROLES } from '#core/accounts/roles'

registerNavigation(
  { area: 'tabs', route: 'admin.role_grants.index', label: 'admin.nav.tab', icon: '⚙', activePrefix: '/admin', visible: hasAnyRole(...ADMIN_ROLES), order: 50 },
  { area: 'home.centre', route: 'admin.moderation.reviews.index', label: 'moderation.nav.reviews', visible: hasAnyRole('center_staff', ...ADMIN_ROLES), order: 20 }
)

registerAuditActions({ 'role.grant': 'admin.audit_log.actions.role_grant', 'role.revoke': 'admin.audit_log.actions.role_revoke' })
