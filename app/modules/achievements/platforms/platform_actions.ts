import db from '@adonisjs/lucid/services/db'
import type { Actor } from '#core/accounts/acting'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { audit } from '#core/audit/audit'
import { RuleError } from '#core/http/rule_error'
import InnovationPlatform, { type PlatformKind, type PlatformLevel } from '#modules/achievements/models/innovation_platform'

export const PLATFORM_SUBJECT = 'achievements.platform'

export interface PlatformInput {
  name: string
  kind: PlatformKind
  level: PlatformLevel
  countyCode: string
  address: string
  services: string
  contact: string
}

/** A centre may place a platform only in a county of its own scope. */
async function checkScope(actor: Actor['actor'], countyCode: string) {
  const scopes = await actor.scopesFor(...SCOPED_ROLES)
  if (!scopes.some((scope) => scope.contains(countyCode))) throw new RuleError('achievements.platforms.errors.outside_scope', 'county_code')
}

export async function savePlatform({ actor, ip }: Actor, platform: InnovationPlatform | null, input: PlatformInput) {
  await checkScope(actor, input.countyCode)
  return db.transaction(async (trx) => {
    const row = platform ?? new InnovationPlatform()
    row.useTransaction(trx)
    row.merge({ ...input, ...(platform ? {} : { createdBy: actor.id }) })
    await row.save()
    await audit(trx, { actor, action: platform ? 'achievements.platform_update' : 'achievements.platform_create', subjectType: PLATFORM_SUBJECT, subjectId: row.id, countyCode: row.countyCode, ip })
    return row
  })
}
