/*
 * What the expert service adds to the app at boot, in every process (the web server,
 * commands and `node ace jobs:work` alike): its routes, what it registers with the
 * shared kernel (who may see a case's files, what a moderation decision does, the
 * visit panel's template helpers), its ways in on core's pages, and its background
 * jobs and schedules.
 */
import '#modules/experts/routes'
import '#modules/experts/consultations/hooks'
import '#modules/experts/visits/visit_views'
import '#modules/experts/triage/jobs'
import '#modules/experts/statistics/refresh_job'
import '#modules/experts/closing/jobs'
import '#modules/experts/shared/deadline_metrics'

import { hasAnyRole, lacksRole, registerNavigation } from '#core/navigation'
import { registerSmsTemplates } from '#core/sms/templates'
import { registerModeratedModule } from '#core/moderation/moderation'
import { registerDirectorySource } from '#core/text/documents'
import { registerAuditActions } from '#core/audit/audit'
import { EXPERT_SOURCE } from '#modules/experts/profiles/profile_queries'
import { KNOWLEDGE_SOURCE } from '#modules/experts/knowledge/index_entry'
import { EXPERTS_SMS_TEMPLATES } from '#modules/experts/shared/sms_templates'
import { ADMIN_ROLES } from '#core/accounts/roles'
import { REPORTER_ROLES } from '#modules/experts/shared/consultation_access'
import { awaitingTriageCount } from '#modules/experts/responses/expert_cases'

registerSmsTemplates(EXPERTS_SMS_TEMPLATES)
registerModeratedModule('experts', 'experts.module_name')
registerDirectorySource(EXPERT_SOURCE)
registerDirectorySource(KNOWLEDGE_SOURCE)
registerAuditActions({
  'experts.phone_reveal': 'experts.audit.phone_reveal',
  'experts.export': 'experts.audit.export',
  'experts.link_end': 'experts.audit.link_end',
  'expert.apply': 'experts.audit.expert_apply',
  'expert.profile_update': 'experts.audit.expert_profile_update',
  'expert.verify': 'experts.audit.expert_verify',
  'expert.reject': 'experts.audit.expert_reject',
  'officer.apply': 'experts.audit.officer_apply',
  'officer.verify': 'experts.audit.officer_verify',
  'officer.reject': 'experts.audit.officer_reject',
})

const centre = hasAnyRole('center_staff', ...ADMIN_ROLES)
registerNavigation(
  { area: 'home.actions', group: 'experts.report', route: 'experts.consultations.create', label: 'experts.consultations.new_title', visible: hasAnyRole(...REPORTER_ROLES), order: 10 },
  { area: 'home.actions', group: 'experts.report', route: 'experts.consultations.index', label: 'experts.consultations.list_title', style: 'secondary', visible: hasAnyRole(...REPORTER_ROLES), order: 10 },
  { area: 'home.actions', route: 'experts.responses.my_cases.index', label: 'experts.triage.my_cases.title', visible: hasAnyRole('expert'), order: 20 },
  { area: 'home.centre', route: 'experts.triage.board', label: 'experts.triage.board.title', visible: centre, badge: awaitingTriageCount, order: 10 },
  { area: 'home.centre', route: 'experts.visits.staff.index', label: 'experts.visits.staff.home_link', visible: centre, order: 30 },
  { area: 'home.centre', group: 'experts.after_service', route: 'experts.followups.index', label: 'experts.followups.title', visible: centre, order: 40 },
  { area: 'home.centre', group: 'experts.after_service', route: 'experts.statistics.show', label: 'experts.followups.nav.statistics', visible: centre, order: 40 },
  { area: 'home.centre', group: 'experts.after_service', route: 'experts.exports.create', label: 'experts.followups.nav.exports', visible: centre, order: 40 },
  { area: 'home.public', route: 'experts.directory.index', label: 'experts.profiles.directory.title', style: 'secondary', order: 10 },
  { area: 'home.public', route: 'experts.knowledge.index', label: 'experts.knowledge.nav', style: 'secondary', order: 11 },
  { area: 'profile', route: 'experts.profiles.mine', label: 'experts.profiles.directory.mine_link', visible: hasAnyRole('expert'), order: 10 },
  { area: 'profile', route: 'experts.profiles.apply', label: 'experts.profiles.apply.title', visible: lacksRole('expert'), order: 10 },
  { area: 'profile', route: 'experts.officers.mine', label: 'experts.officers.nav.mine', order: 11 },
  { area: 'home.centre', route: 'experts.officers.reviews.index', label: 'experts.officers.reviews.title', visible: centre, order: 45 }
)
