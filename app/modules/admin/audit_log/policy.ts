import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { ADMIN_ROLES } from '#core/accounts/roles'

/** Administrators read the audit log of their own region scope. */
export default class AuditPolicy extends BasePolicy {
  async view(actor: User) {
    return actor.hasRole(...ADMIN_ROLES)
  }
}
