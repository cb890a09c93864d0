import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import type IndustryRecord from '#modules/info/models/industry_record'
import { allowWithinScope } from '#core/accounts/scoped_access'
import { INFO_ROLES } from '#modules/info/shared/record_access'

/**
 * 审核 and 签批 are for centre staff whose scope covers the record's region: staff of
 * 510104 do not learn that a 510105 record exists (404). That the author never decides
 * on their own record is a rule of the actions (a Chinese refusal, not a 403): the author
 * may well hold the signer's role in the scope. A decision is a management step: while
 * the record's county (or city) is suspended, its staff still read it but get 403, and the
 * level above decides.
 */
export default class ReviewPolicy extends BasePolicy {
  async queue(actor: User) {
    return actor.hasRole(...INFO_ROLES)
  }

  async decide(actor: User, record: IndustryRecord) {
    // A region code (county, 51xx00 or 510000) lies in a scope exactly when the scope covers that region.
    return allowWithinScope(actor, INFO_ROLES, record.regionCode, 'manage')
  }
}
