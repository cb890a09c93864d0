import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#core/accounts/models/user'
import { audit } from '#core/audit/audit'
import { clock } from '#core/clock'
import { ReviewItem } from '#core/moderation/models'
import { tripOnSpike } from '#core/moderation/breakers'
import type { Acting } from '#core/accounts/acting'
import type { ModeratedModule, ReviewDecision } from '#core/moderation/vocabulary'

export interface HeldContent {
  module: ModeratedModule
  /** The owning module's name for the kind of record, e.g. '<module>.<record>'. */
  subjectType: string
  subjectId: number | string
  countyCode: string | null
  text: string
  /** From screen(); empty when only a tripped breaker held it. */
  categories: string[]
}

/**
 * Called inside the reviewer's decision transaction: the owning module publishes
 * (approved) or withdraws (rejected) its record there, so the decision, the record
 * and the audit row commit together. `reason` is what the reviewer wrote, if anything.
 */
export type ReviewDecisionHandler = (
  trx: TransactionClientContract,
  subjectId: number,
  decision: ReviewDecision,
  reviewer: User,
  reason: string | null
) => Promise<void>

const handlers = new Map<string, ReviewDecisionHandler>()

/**
 * Registers what happens to a subject type when a reviewer decides. The owning module
 * calls it when it is imported; the import must happen at boot (e.g. from its
 * routes.ts), since controllers load lazily and the review may come first.
 */
export function onReviewDecision(subjectType: string, handler: ReviewDecisionHandler) {
  handlers.set(subjectType, handler)
}

/**
 * Puts content in the review queue inside the caller's transaction (the record and
 * its queue entry exist together). Holding a subject that already waits refreshes
 * its entry. Content held for its words counts towards its county's automatic trip.
 */
export async function holdForReview(trx: TransactionClientContract, content: HeldContent): Promise<number> {
  const flagged = content.categories.length > 0
  const { rows } = await trx.rawQuery(
    `INSERT INTO moderation_reviews (module, subject_type, subject_id, county_code, text, categories, flagged, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)
     ON CONFLICT (subject_type, subject_id) WHERE status = 'pending' DO UPDATE
       SET county_code = EXCLUDED.county_code, text = EXCLUDED.text, categories = EXCLUDED.categories,
           flagged = moderation_reviews.flagged OR EXCLUDED.flagged
     RETURNING id`,
    [
      content.module,
      content.subjectType,
      content.subjectId,
      content.countyCode,
      content.text,
      [...new Set(content.categories)],
      flagged,
      clock.now(),
    ] as any[] // pg binds null (county_code); Lucid's binding type leaves it out.
  )
  if (flagged && content.countyCode) await tripOnSpike(trx, content.module, content.countyCode)
  return rows[0].id
}

export class AlreadyDecidedError extends Error {}
export class NoReviewHandlerError extends Error {}

/**
 * A reviewer's decision: the owning module's handler, the queue entry and the audit
 * row in one transaction. The entry is locked first, so two reviewers deciding at
 * once cannot both publish (the second gets AlreadyDecidedError).
 */
export function decideReview(acting: Acting, reviewId: number, decision: ReviewDecision, reason: string | null) {
  return db.transaction(async (trx) => {
    const item = await ReviewItem.query({ client: trx }).where('id', reviewId).forUpdate().firstOrFail()
    if (item.status !== 'pending') throw new AlreadyDecidedError()
    const handler = handlers.get(item.subjectType)
    if (!handler) throw new NoReviewHandlerError(`No review handler registered for ${item.subjectType}`)

    await handler(trx, item.subjectId, decision, acting.actor, reason)
    item.merge({
      status: decision,
      decidedById: acting.actor.id,
      decidedAt: DateTime.fromJSDate(clock.now()),
      decisionReason: reason,
    })
    await item.save()
    await audit(trx, {
      actor: acting.actor,
      actorRole: acting.actorRole,
      action: decision === 'approved' ? 'moderation.review_approve' : 'moderation.review_reject',
      subjectType: item.subjectType,
      subjectId: item.subjectId,
      countyCode: item.countyCode,
      ip: acting.ip,
      changes: {
        status: { old: 'pending', new: decision },
        ...(reason ? { reason: { old: null, new: reason } } : {}),
      },
    })
    return item
  })
}
