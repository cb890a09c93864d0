import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'

/** Jobs belong to no region (a sweep covers the whole province): platform administrators only. */
export default class JobPolicy extends BasePolicy {
  async manage(actor: User) {
    return actor.hasRole('platform_admin')
  }
}
