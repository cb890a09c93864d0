/*
 * What 供销对接 adds to the app at boot, in every process: its routes, its place in
 * content safety and the audit log, and its ways in on core's pages.
 */
import '#modules/supply/routes'
import '#modules/supply/shops/shop_actions'

import { registerNavigation } from '#core/navigation'
import { registerModeratedModule } from '#core/moderation/moderation'
import { registerAuditActions } from '#core/audit/audit'
import { registerDirectorySource } from '#core/text/documents'
import { PRODUCT_SOURCE } from '#modules/supply/shops/product_index'
import { hasAnyRole } from '#core/navigation'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { SHOP_ROLES } from '#modules/supply/shops/policy'
import { proposedCount } from '#modules/supply/sellers/seller_queries'

registerModeratedModule('supply', 'supply.module_name')
registerDirectorySource(PRODUCT_SOURCE)
registerAuditActions({
  'supply.seller_propose': 'supply.audit.seller_propose',
  'supply.seller_select': 'supply.audit.seller_select',
  'supply.seller_remove': 'supply.audit.seller_remove',
  'supply.seller_recommend': 'supply.audit.seller_recommend',
  'supply.shop_open': 'supply.audit.shop_open',
  'supply.shop_update': 'supply.audit.shop_update',
  'supply.shop_report': 'supply.audit.shop_report',
  'supply.product_update': 'supply.audit.product_update',
})

registerNavigation(
  { area: 'home.public', route: 'supply.sellers.index', label: 'supply.sellers.browse.title', style: 'secondary', order: 20 },
  {
    area: 'home.centre',
    route: 'supply.sellers.reviews.index',
    label: 'supply.sellers.reviews.title',
    visible: hasAnyRole(...SCOPED_ROLES),
    badge: proposedCount,
    order: 50,
  },
  { area: 'profile', route: 'supply.shops.mine', label: 'supply.shops.mine.title', visible: hasAnyRole(...SHOP_ROLES), order: 20 }
)
