import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { allowWithinScope } from '#core/accounts/scoped_access'
import type DemandDraft from '#modules/achievements/models/demand_draft'

/**
 * Draft demands are the county centre's: staff of a scope see and decide the drafts of
 * its counties (the controller looks them up within the scopes, so another county's is
 * 404); anyone else may not open the drafts at all (403).
 */
export default class DraftPolicy extends BasePolicy {
  async decide(actor: User) {
    return actor.hasRole(...SCOPED_ROLES)
  }

  /** Editing, publishing or dismissing one: a suspended county's staff still read its drafts, but its city decides them (403). */
  async manage(actor: User, draft: DemandDraft) {
    return allowWithinScope(actor, SCOPED_ROLES, draft.countyCode, 'manage')
  }
}
