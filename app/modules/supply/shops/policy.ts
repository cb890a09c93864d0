import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'

/** Farmers and market entities (cooperatives, family farms, large growers) open a micro-shop. */
export const SHOP_ROLES: readonly Role[] = ['farmer', 'market_entity']

/** Everyone edits only their own shop: the routes name no shop id, so there is nobody else's to reach. */
export default class ShopPolicy extends BasePolicy {
  async open(actor: User) {
    return actor.hasRole(...SHOP_ROLES)
  }
}
