import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Consultation from '#modules/experts/models/consultation'
import { recordTransition } from '#modules/experts/shared/transition'
import { dispatch } from '#core/jobs/dispatch'
import { TRIAGE_JOB } from '#modules/experts/triage/assign_expert'
import { triageLevelFor } from '#core/regions/participation'

/**
 * A submitted case the similar cases did not solve goes to triage at county level (one
 * level up while its county or city is suspended, #core/regions/participation).
 * Its triage deadline was set at submission (1 hour) and is kept: looking at similar
 * cases does not buy the platform time.
 */
export async function enterTriage(
  trx: TransactionClientContract,
  consultation: Consultation,
  actor: { id: number } | null,
  reason: string | null = null
) {
  if (consultation.state !== 'submitted' || consultation.moderation !== 'pass') return false
  await recordTransition(trx, consultation, 'awaiting_triage', { kind: 'entered_triage', actor, reason }, { triageLevel: await triageLevelFor(consultation.countyCode, trx) })
  // Automatic triage runs as a durable job that exists only if this transaction commits:
  // a crash right after leaves it queued, a rollback leaves nothing to run.
  await dispatch(TRIAGE_JOB, { consultationId: Number(consultation.id) }, { client: trx, singletonKey: `triage:${consultation.id}` })
  return true
}
