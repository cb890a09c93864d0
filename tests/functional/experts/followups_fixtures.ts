import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#core/accounts/models/user'
import { clock, HOUR } from '#core/clock'
import Consultation from '#modules/experts/models/consultation'
import { recordTransition } from '#modules/experts/shared/transition'
import { FOLLOWUP_WINDOW_MS } from '#modules/experts/shared/consultation_states'
import { createUser } from '#tests/helpers'

/**
 * A case that went the whole way to 'closed' at `closedAt` (default: now), written
 * the way the module writes it: the model, then each step through recordTransition.
 */
export async function closedCase(
  reporter: User,
  options: { county?: string; industry?: string; closedAt?: Date; rating?: number | null; farmer?: { name: string; phone: string } } = {}
) {
  const closedAt = DateTime.fromJSDate(options.closedAt ?? clock.now())
  const created = closedAt.minus({ days: 1 })
  const consultation = await Consultation.create({
    reporterId: reporter.id,
    farmerName: options.farmer?.name ?? null,
    farmerPhone: options.farmer?.phone ?? null,
    industryCode: options.industry ?? 'grain_oil',
    countyCode: options.county ?? reporter.countyCode ?? '510104',
    text: '水稻叶片出现褐色病斑，穗颈发黑，怎么防治？',
    state: 'submitted',
    moderation: 'pass',
    triageDueAt: created.plus({ milliseconds: HOUR }),
    createdAt: created,
  })
  await db.transaction(async (trx) => {
    await recordTransition(trx, consultation, 'answering', { kind: 'answered' }, { answeredAt: created.plus({ hours: 2 }) })
    await recordTransition(
      trx,
      consultation,
      'closed',
      { kind: 'closed', actor: reporter, actorRole: 'farmer' },
      {
        closedAt,
        followupDueAt: closedAt.plus({ milliseconds: FOLLOWUP_WINDOW_MS }),
        rating: options.rating === undefined ? 5 : options.rating,
      }
    )
  })
  return consultation
}

/** Centre staff of a county (510104 by default). */
export function centreStaff(county = '510104', role: 'center_staff' | 'center_admin' = 'center_staff') {
  return createUser({ county, roles: [role], scopes: { [role]: county }, name: '回访员' })
}
