import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'

/**
 * The curated story of an expert is the centre's: staff whose scope holds the expert's
 * county write it (the controller checks the county, so another county's expert is 404);
 * anyone else may not (403).
 */
export default class StoryPolicy extends BasePolicy {
  async write(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }
}
