import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { allowWithinScope } from '#core/accounts/scoped_access'

/**
 * The curated story of an expert is the centre's: staff whose scope holds the expert's
 * county write it (another county's expert is 404; while that county is suspended, 403
 * for its own staff and its city writes); anyone else may not (403).
 */
export default class StoryPolicy extends BasePolicy {
  async write(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  async writeFor(actor: User, expert: { countyCode: string | null }) {
    return allowWithinScope(actor, SCOPED_ROLES, expert.countyCode, 'manage')
  }
}
