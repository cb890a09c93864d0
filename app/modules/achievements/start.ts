/*
 * What 成果转化 adds to the app at boot, in every process: its routes and jobs, its place in
 * content safety, the text index, SMS and the audit log, and its ways in on core's pages.
 */
import '#modules/achievements/routes'
import '#modules/achievements/listings/listing_actions'
import '#modules/achievements/matching/jobs'
import '#modules/achievements/bounties/bounty_actions'
import '#modules/achievements/bounties/jobs'
import '#modules/achievements/lectures/lecture_actions'
import '#modules/achievements/drafts/draft_actions'

import { hasAnyRole, registerNavigation } from '#core/navigation'
import { registerModeratedModule } from '#core/moderation/moderation'
import { registerAuditActions } from '#core/audit/audit'
import { registerDirectorySource } from '#core/text/documents'
import { registerSmsTemplates } from '#core/sms/templates'
import { ACHIEVEMENTS_SMS_TEMPLATES } from '#modules/achievements/shared/sms_templates'
import { SUBJECTS } from '#modules/achievements/shared/vocabulary'
import { PUBLISHERS } from '#modules/achievements/listings/policy'
import { LECTURE_SUBJECT } from '#modules/achievements/lectures/lecture_actions'
import { SCOPED_ROLES } from '#core/accounts/roles'

registerModeratedModule('achievements', 'achievements.module_name')
// Demands and offers are matched against each other, never offered by 找类似 as solved cases.
registerDirectorySource(SUBJECTS.demands)
registerDirectorySource(SUBJECTS.offers)
// Lectures are searched on their own list (特派员讲堂's search box).
registerDirectorySource(LECTURE_SUBJECT)
registerSmsTemplates(ACHIEVEMENTS_SMS_TEMPLATES)
registerAuditActions({
  'achievements.demand_publish': 'achievements.audit.demand_publish',
  'achievements.demand_update': 'achievements.audit.demand_update',
  'achievements.demand_withdraw': 'achievements.audit.demand_withdraw',
  'achievements.offer_publish': 'achievements.audit.offer_publish',
  'achievements.offer_update': 'achievements.audit.offer_update',
  'achievements.offer_withdraw': 'achievements.audit.offer_withdraw',
  'achievements.bounty_post': 'achievements.audit.bounty_post',
  'achievements.bounty_grab': 'achievements.audit.bounty_grab',
  'achievements.bounty_pick': 'achievements.audit.bounty_pick',
  'achievements.bounty_negotiate': 'achievements.audit.bounty_negotiate',
  'achievements.bounty_fee': 'achievements.audit.bounty_fee',
  'achievements.bounty_rate': 'achievements.audit.bounty_rate',
  'achievements.bounty_cancel': 'achievements.audit.bounty_cancel',
  'achievements.platform_create': 'achievements.audit.platform_create',
  'achievements.platform_update': 'achievements.audit.platform_update',
  'achievements.lecture_publish': 'achievements.audit.lecture_publish',
  'achievements.story_save': 'achievements.audit.story_save',
  'achievements.demand_draft_publish': 'achievements.audit.demand_draft_publish',
  'achievements.demand_draft_dismiss': 'achievements.audit.demand_draft_dismiss',
})

const publishers = hasAnyRole(...new Set([...PUBLISHERS.demands, ...PUBLISHERS.offers]))
registerNavigation(
  { area: 'tabs', route: 'achievements.home', label: 'achievements.nav.tab', icon: '⇄', activePrefix: '/achievements', visible: publishers, order: 30 },
  { area: 'home.public', route: 'achievements.home', label: 'achievements.home.title', style: 'secondary', order: 30 },
  { area: 'home.centre', group: 'achievements', route: 'achievements.bounties.statistics.index', label: 'achievements.statistics.title', visible: hasAnyRole(...SCOPED_ROLES), order: 60 },
  { area: 'home.centre', group: 'achievements', route: 'achievements.drafts.index', label: 'achievements.drafts.title', visible: hasAnyRole(...SCOPED_ROLES), order: 60 },
  { area: 'home.centre', group: 'achievements', route: 'achievements.platforms.create', label: 'achievements.platforms.new_title', visible: hasAnyRole(...SCOPED_ROLES), order: 60 },
  {
    area: 'profile',
    route: 'achievements.listings.mine',
    label: 'achievements.mine.title',
    visible: publishers,
    order: 30,
  }
)
