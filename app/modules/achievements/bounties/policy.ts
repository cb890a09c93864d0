import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'

/**
 * Market entities post bounties (plan 五(一)4: 你发榜); experts grab them — whether an
 * expert is qualified for one (a verified profile of its industry) is bounty_actions'
 * rule, with its own message. The steps after (pick, fee, rating, cancel) are the two
 * parties' alone: the actions check who is which.
 */
export const BOUNTY_POSTERS: readonly Role[] = ['market_entity']

export default class BountyPolicy extends BasePolicy {
  async post(actor: User) {
    return actor.hasRole(...BOUNTY_POSTERS)
  }
}
