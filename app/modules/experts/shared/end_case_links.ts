import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { clock } from '#core/clock'
import type Consultation from '#modules/experts/models/consultation'
import type { LinkAudience } from '#modules/experts/shared/case_links'

/**
 * Ends every SMS link of the case sent so far to the farmer, or to the expert: a
 * forwarded SMS stops opening the case at once (the links stay stateless, signed
 * tokens: what ends them is the case's *_link_ended_at). A link sent later works.
 */
export async function endCaseLinks(
  consultation: Consultation,
  audience: LinkAudience,
  by: { userId: number | null; role: string; ip: string | null }
) {
  await db.transaction(async (trx) => {
    consultation.useTransaction(trx)
    const now = DateTime.fromJSDate(clock.now())
    if (audience === 'farmer') consultation.farmerLinkEndedAt = now
    else consultation.expertLinkEndedAt = now
    await consultation.save()
    await audit(trx, {
      actor: by.userId ? { id: by.userId } : null,
      actorRole: by.role,
      action: 'experts.link_end',
      subjectType: 'experts.consultation',
      subjectId: consultation.id,
      countyCode: consultation.countyCode,
      ip: by.ip,
      changes: { links: { old: audience, new: null } },
    })
  })
}
