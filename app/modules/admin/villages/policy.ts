import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { allowWithinScope, type ScopeIntent } from '#core/accounts/scoped_access'

/**
 * The village registry is kept by the centres: staff and administrators read and import
 * the counties of their scope (403 for anyone else; another county is 404). A suspended
 * county's staff keep reading but cannot import (the 'manage' intent, #core/accounts/scoped_access).
 */
export default class VillagePolicy extends BasePolicy {
  async enter(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  county(actor: User, countyCode: string, intent: ScopeIntent) {
    return allowWithinScope(actor, SCOPED_ROLES, countyCode, intent)
  }
}
