import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'

/** The centre's desk is for its staff and administrators (of any region). */
export default class CentreHomePolicy extends BasePolicy {
  desk(user: User) {
    return user.hasRole(...SCOPED_ROLES)
  }
}
