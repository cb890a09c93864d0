import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { allowWithinScope, type ScopeIntent } from '#core/accounts/scoped_access'
import type Seller from '#modules/supply/models/seller'

/**
 * Centre staff select or remove sellers of their own region only: staff of 510104 do not
 * learn that a 510105 seller was proposed (404). Anyone else may not review (403).
 */
export default class SellerPolicy extends BasePolicy {
  async review(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  async reviewSeller(actor: User, seller: Seller, intent: ScopeIntent) {
    if (!(await actor.hasRole(...SCOPED_ROLES))) return false
    return allowWithinScope(actor, SCOPED_ROLES, seller.countyCode, intent)
  }
}
