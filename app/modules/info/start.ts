/*
 * What 产业信息 adds to the app at boot, in every process: its routes, its place in
 * content safety and the audit log, and its ways in on core's pages (the public list for
 * everyone; for centre staff their records and the review queue, with a count badge).
 */
import '#modules/info/routes'
// The job that keeps 相关信息 fresh (defined at import, for the worker too).
import '#modules/info/shared/record_links'

import { hasAnyRole, registerNavigation } from '#core/navigation'
import { registerModeratedModule } from '#core/moderation/moderation'
import { registerAuditActions } from '#core/audit/audit'
import { registerDirectorySource } from '#core/text/documents'
import { RECORD_SOURCE } from '#modules/info/shared/record_index'
import { INFO_ROLES } from '#modules/info/shared/record_access'
import { awaitingDecisionCount } from '#modules/info/reviews/review_queries'

registerModeratedModule('info', 'info.module_name')
registerDirectorySource(RECORD_SOURCE)
registerAuditActions({
  'info.record_created': 'info.audit.record_created',
  'info.record_updated': 'info.audit.record_updated',
  'info.record_submitted': 'info.audit.record_submitted',
  'info.record_reviewed': 'info.audit.record_reviewed',
  'info.record_signed_off': 'info.audit.record_signed_off',
  'info.record_rejected': 'info.audit.record_rejected',
  'info.record_withdrawn': 'info.audit.record_withdrawn',
  'info.record_revised': 'info.audit.record_revised',
  'info.record_superseded': 'info.audit.record_superseded',
  'info.record_downloaded': 'info.audit.record_downloaded',
})

const centre = hasAnyRole(...INFO_ROLES)
registerNavigation(
  { area: 'home.public', route: 'info.browse.index', label: 'info.browse.title', style: 'secondary', order: 20 },
  { area: 'home.centre', group: 'info', route: 'info.records.index', label: 'info.records.title', visible: centre, order: 50 },
  { area: 'home.centre', group: 'info', route: 'info.reviews.index', label: 'info.reviews.title', visible: centre, badge: awaitingDecisionCount, order: 50 }
)
