/*
 * What the management centre adds to the app at boot, in every process: its routes and
 * its ways in on core's pages (the 管理 tab, the review queue on the centre's home).
 */
import '#modules/admin/routes'
import { hasAnyRole, registerNavigation } from '#core/navigation'
import { registerAuditActions } from '#core/audit/audit'
import { ADMIN_ROLES, SCOPED_ROLES } from '#core/accounts/roles'

registerNavigation(
  // 管理 for everyone of a centre; its badge sums what waits behind the centre's links.
  { area: 'tabs', route: 'admin.centre_home', label: 'admin.nav.tab', icon: '⚙', activePrefix: '/admin', visible: hasAnyRole(...SCOPED_ROLES), badgeOf: 'home.centre', order: 50 },
  { area: 'home.centre', route: 'admin.moderation.reviews.index', label: 'moderation.nav.reviews', visible: hasAnyRole(...SCOPED_ROLES), order: 20 },
  { area: 'home.centre', group: 'admin.people', route: 'admin.users.index', label: 'admin.users.title', visible: hasAnyRole(...ADMIN_ROLES), order: 60 },
  { area: 'home.centre', group: 'admin.people', route: 'admin.role_grants.index', label: 'admin.role_grants.title', visible: hasAnyRole(...ADMIN_ROLES), order: 60 },
  { area: 'home.centre', group: 'admin.people', route: 'admin.audit_log.index', label: 'admin.audit_log.title', visible: hasAnyRole(...ADMIN_ROLES), order: 60 }
)

registerAuditActions({ 'role.grant': 'admin.audit_log.actions.role_grant', 'role.revoke': 'admin.audit_log.actions.role_revoke' })
registerAuditActions({ 'users.export': 'admin.users.audit.export' })

// villages, officers, participation: the village registry, 信息员 coverage, a region's participation.
registerNavigation(
  { area: 'home.centre', group: 'admin.officers', route: 'admin.officers.coverage', label: 'admin.officers.title', visible: hasAnyRole(...SCOPED_ROLES), order: 70 },
  { area: 'home.centre', group: 'admin.officers', route: 'admin.villages.index', label: 'admin.villages.title', visible: hasAnyRole(...SCOPED_ROLES), order: 70 },
  { area: 'home.centre', group: 'admin.officers', route: 'admin.participation.index', label: 'admin.participation.title', visible: hasAnyRole('platform_admin'), order: 70 }
)
registerAuditActions({
  'villages.import_read': 'admin.villages.audit.import_read',
  'villages.import': 'admin.villages.audit.import',
  'region.suspend': 'admin.participation.audit.suspend',
  'region.restore': 'admin.participation.audit.restore',
})

// dashboard: 大数据展示 for everyone of a centre.
registerNavigation({ area: 'home.centre', route: 'admin.dashboard.show', label: 'admin.dashboard.nav', visible: hasAnyRole(...SCOPED_ROLES), order: 10 })

// centres: 运管中心 and their 六有 checklist, for everyone of a centre.
registerNavigation({ area: 'home.centre', route: 'admin.centres.index', label: 'admin.centres.nav', visible: hasAnyRole(...SCOPED_ROLES), order: 15 })
registerAuditActions({
  'centre.register': 'admin.centres.audit.register',
  'centre.item_submit': 'admin.centres.audit.item_submit',
  'centre.item_approve': 'admin.centres.audit.item_approve',
  'centre.item_return': 'admin.centres.audit.item_return',
  'centre.item_file_remove': 'admin.centres.audit.item_file_remove',
})

// performance, subsidies: 绩效 and 补贴 (六(二)) for everyone of a centre.
registerNavigation(
  { area: 'home.centre', group: 'admin.subsidies', route: 'admin.performance.index', label: 'admin.performance.title', visible: hasAnyRole(...SCOPED_ROLES), order: 80 },
  { area: 'home.centre', group: 'admin.subsidies', route: 'admin.subsidies.index', label: 'admin.subsidies.title', visible: hasAnyRole(...SCOPED_ROLES), order: 80 },
  { area: 'home.centre', group: 'admin.subsidies', route: 'admin.subsidies.rules', label: 'admin.subsidies.rules.title', visible: hasAnyRole(...SCOPED_ROLES), order: 80 },
  { area: 'home.centre', group: 'admin.subsidies', route: 'admin.subsidies.payees.lookup', label: 'admin.subsidies.payee.lookup_title', visible: hasAnyRole(...SCOPED_ROLES), order: 80 }
)
registerAuditActions({
  'subsidies.rule_save': 'admin.subsidies.audit.rule_save',
  'subsidies.propose': 'admin.subsidies.audit.propose',
  'subsidies.adjust': 'admin.subsidies.audit.adjust',
  'subsidies.approve': 'admin.subsidies.audit.approve',
  'subsidies.export': 'admin.subsidies.audit.export',
  'subsidies.payee_save': 'admin.subsidies.audit.payee_save',
  'subsidies.reveal': 'admin.subsidies.audit.reveal',
})

// evaluations: 考核 for everyone of a centre (a county's people see their own row); 通报 on the public site; last month scored daily.
import '#modules/admin/evaluations/jobs'
registerNavigation(
  { area: 'home.centre', route: 'admin.evaluations.index', label: 'admin.evaluations.nav', visible: hasAnyRole(...SCOPED_ROLES), order: 16 },
  { area: 'home.public', route: 'admin.notices.index', label: 'admin.notices.title', style: 'secondary', order: 60 }
)
registerAuditActions({
  'evaluation.compute': 'admin.evaluations.audit.compute',
  'evaluation.target': 'admin.evaluations.audit.target',
  'evaluation.notice': 'admin.evaluations.audit.notice',
})

// outbreaks: 疫情预警 for everyone of a centre; the detection runs daily.
import '#modules/admin/outbreaks/jobs'
registerNavigation({ area: 'home.centre', route: 'admin.outbreaks.index', label: 'admin.outbreaks.title', visible: hasAnyRole(...SCOPED_ROLES), order: 12 })
registerAuditActions({ 'outbreak.confirm': 'admin.outbreaks.audit.confirm', 'outbreak.dismiss': 'admin.outbreaks.audit.dismiss' })
