import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/accounts/models/user'
import { scopeTakesPart, suspendedRegionCodes } from '#core/regions/participation'
import { RegionScope } from '#core/regions/region_scope'
import type IndustryRecord from '#modules/info/models/industry_record'
import { allowForRegion, INFO_ROLES, roleFor } from '#modules/info/shared/record_access'

/**
 * Centre staff write records of their scope. A record in the making is seen by its
 * author and by staff whose scope covers its region (who review and sign it); anyone
 * else learns nothing of it (404). Only the author changes or submits it (403 for the
 * colleagues who see it).
 */
export default class RecordPolicy extends BasePolicy {
  async write(actor: User) {
    return actor.hasRole(...INFO_ROLES)
  }

  async view(actor: User, record: IndustryRecord) {
    if (Number(record.authorId) === Number(actor.id)) return true
    return allowForRegion(actor, record.regionCode)
  }

  /** The author changes or submits it, unless its region is suspended (403: its staff keep reading, nothing more). */
  async edit(actor: User, record: IndustryRecord) {
    if (Number(record.authorId) !== Number(actor.id)) {
      return (await roleFor(actor, record.regionCode)) ? false : AuthorizationResponse.deny('Not found', 404)
    }
    if (scopeTakesPart(RegionScope.fromRegionCode(record.regionCode), await suspendedRegionCodes())) return true
    return AuthorizationResponse.deny('Region suspended', 403).t('regions.participation.denied')
  }
}
