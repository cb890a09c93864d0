import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { allowWithinScope } from '#core/accounts/scoped_access'
import type InnovationPlatform from '#modules/achievements/models/innovation_platform'

/**
 * Operation-centre staff keep the registry of their own region: a 510104 centre edits
 * 510104's platforms, and a 510105 platform does not exist for it (404). Anyone else may
 * not keep the registry (403).
 */
export default class PlatformPolicy extends BasePolicy {
  async keep(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  async edit(actor: User, platform: InnovationPlatform) {
    if (!(await actor.hasRole(...SCOPED_ROLES))) return false
    return allowWithinScope(actor, SCOPED_ROLES, platform.countyCode, 'manage')
  }
}
