import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#core/audit/audit'
import { clock, MINUTE } from '#core/clock'
import { RegionScope } from '#core/regions/region_scope'
import { CircuitBreaker } from '#core/moderation/models'
import type { ModeratedModule } from '#core/moderation/vocabulary'
import type { Acting } from '#core/accounts/acting'

/**
 * A county's breaker trips by itself when this many of its module's items were held
 * for their words within the window (counted from the last reset, if later).
 */
export const AUTO_TRIP_THRESHOLD = 10
export const AUTO_TRIP_WINDOW_MS = 30 * MINUTE

/** Stored as the reason of an automatic trip; pages show a localised sentence instead. */
const AUTO_TRIP_REASON = 'automatic'

/** The scopes whose breaker covers a county: the county, its city, the province. */
export function scopesAround(countyCode: string | null | undefined): string[] {
  if (!countyCode) return [RegionScope.province.prefix]
  const scope = RegionScope.fromRegionCode(countyCode)
  return [...new Set([scope.prefix, scope.city.prefix, RegionScope.province.prefix])]
}

/**
 * Whether a tripped breaker of the module covers the county; exported as
 * breakerStatus for the calm public notice (components/moderation/breaker_notice).
 */
export async function isTripped(module: ModeratedModule, countyCode: string | null, client: QueryClientContract = db.connection()) {
  const row = await client
    .from('moderation_breakers')
    .where('module', module)
    .whereIn('scope', scopesAround(countyCode))
    .where('tripped', true)
    .first()
  return !!row
}

export class AlreadyTrippedError extends Error {}
export class NotTrippedError extends Error {}

function breakerAudit(trx: TransactionClientContract, breaker: CircuitBreaker, action: string, acting: Acting | null) {
  return audit(trx, {
    actor: acting?.actor ?? null,
    actorRole: acting?.actorRole ?? null,
    action,
    subjectType: 'moderation.breaker',
    subjectId: breaker.id,
    countyCode: RegionScope.fromPrefix(breaker.scope).regionCode,
    ip: acting?.ip ?? null,
    changes: {
      module: { old: null, new: breaker.module },
      scope: { old: null, new: breaker.scope },
      reason: { old: null, new: breaker.reason },
    },
  })
}

/**
 * Trips the breaker of (module, scope) inside the caller's transaction, audited there
 * too. `acting` null: the automatic trip. A breaker that is already tripped stays as
 * it is (AlreadyTrippedError), so two simultaneous trips write one audit row.
 */
export async function tripInTransaction(
  trx: TransactionClientContract,
  acting: Acting | null,
  { module, scope, reason }: { module: ModeratedModule; scope: RegionScope; reason: string }
) {
  const now = clock.now()
  const { rows } = await trx.rawQuery(
    `INSERT INTO moderation_breakers AS b (module, scope, tripped, automatic, reason, changed_by_id, tripped_at, updated_at)
     VALUES (?, ?, true, ?, ?, ?, ?, ?)
     ON CONFLICT (module, scope) DO UPDATE
       SET tripped = true, automatic = EXCLUDED.automatic, reason = EXCLUDED.reason,
           changed_by_id = EXCLUDED.changed_by_id, tripped_at = EXCLUDED.tripped_at, updated_at = EXCLUDED.updated_at
       WHERE NOT b.tripped
     RETURNING id`,
    // pg binds null; Lucid's binding type leaves it out.
    [module, scope.prefix, acting === null, reason, acting?.actor.id ?? null, now, now] as any[]
  )
  if (rows.length === 0) throw new AlreadyTrippedError()
  const breaker = await CircuitBreaker.findOrFail(rows[0].id, { client: trx })
  await breakerAudit(trx, breaker, 'moderation.breaker_trip', acting)
  return breaker
}

export function tripBreaker(acting: Acting, options: { module: ModeratedModule; scope: RegionScope; reason: string }) {
  return db.transaction((trx) => tripInTransaction(trx, acting, options))
}

export function resetBreaker(acting: Acting, breakerId: number, reason: string) {
  return db.transaction(async (trx) => {
    const breaker = await CircuitBreaker.query({ client: trx }).where('id', breakerId).forUpdate().firstOrFail()
    if (!breaker.tripped) throw new NotTrippedError()
    breaker.merge({
      tripped: false,
      automatic: false,
      reason,
      changedById: acting.actor.id,
      updatedAt: DateTime.fromJSDate(clock.now()),
    })
    await breaker.save()
    await breakerAudit(trx, breaker, 'moderation.breaker_reset', acting)
    return breaker
  })
}

/**
 * Called after an item was held for its words: when the county has had enough of
 * them recently, its breaker for the module trips. Items held before the last reset
 * do not count again, or a reset would re-trip on the next held item.
 */
export async function tripOnSpike(trx: TransactionClientContract, module: ModeratedModule, countyCode: string) {
  if (await isTripped(module, countyCode, trx)) return
  const county = RegionScope.fromRegionCode(countyCode)
  const lastReset = await CircuitBreaker.query({ client: trx }).where({ module, scope: county.prefix }).first()
  let since = clock.now().getTime() - AUTO_TRIP_WINDOW_MS
  if (lastReset) since = Math.max(since, lastReset.updatedAt.toMillis())

  const [{ count }] = await trx
    .from('moderation_reviews')
    .where({ module, county_code: countyCode, flagged: true })
    .where('created_at', '>', new Date(since))
    .count('* as count')
  if (Number(count) < AUTO_TRIP_THRESHOLD) return
  try {
    await tripInTransaction(trx, null, { module, scope: county, reason: AUTO_TRIP_REASON })
  } catch (error) {
    if (!(error instanceof AlreadyTrippedError)) throw error
  }
}
