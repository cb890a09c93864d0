import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import type { Side } from '#modules/achievements/shared/vocabulary'

/**
 * Who publishes what (plan 五(一)4): market entities (enterprises, cooperatives, large
 * growers, local governments) report technology demands, and centre staff report them
 * for the entities of their region; experts and research units (as market entities)
 * publish what they can supply. Editing and withdrawing are the owner's alone: the
 * controller looks listings up by owner, so someone else's is 404.
 */
export const PUBLISHERS: Record<Side, readonly Role[]> = {
  demands: ['market_entity', 'center_staff', 'center_admin'],
  offers: ['expert', 'market_entity'],
}

export default class ListingPolicy extends BasePolicy {
  async publish(actor: User, side: Side) {
    return actor.hasRole(...PUBLISHERS[side])
  }
}
