import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#core/clock'
import Consultation from '#modules/experts/models/consultation'
import ConsultationEvent from '#modules/experts/models/consultation_event'
import type { ConsultationState } from '#modules/experts/shared/consultation_states'

export interface EventInput {
  /** What happened: 'submitted', 'assigned', 'declined', 'response_missed', 'answered', … */
  kind: string
  /** The person acting; null for the system (automatic triage, the deadline sweep). */
  actor?: { id: number } | null
  actorRole?: string | null
  expertId?: number | null
  reason?: string | null
}

/**
 * The only way a consultation changes state: the row is locked, the state moved,
 * the fields saved and the event written in the caller's transaction, so the
 * history can never disagree with the case. `changes` are further columns to set.
 */
export async function recordTransition(
  trx: TransactionClientContract,
  consultation: Consultation,
  to: ConsultationState,
  event: EventInput,
  changes: Partial<Consultation> = {}
): Promise<ConsultationEvent> {
  const from = consultation.state
  consultation.useTransaction(trx)
  consultation.merge({ ...changes, state: to } as Partial<Consultation>)
  await consultation.save()
  return writeEvent(trx, consultation.id, { ...event, from, to })
}

/** An event without a change of state (a message, a missed deadline already handled, a reveal…). */
export function recordEvent(trx: TransactionClientContract, consultation: Consultation, event: EventInput) {
  return writeEvent(trx, consultation.id, { ...event, from: consultation.state, to: consultation.state })
}

function writeEvent(
  trx: TransactionClientContract,
  consultationId: number,
  event: EventInput & { from: ConsultationState | null; to: ConsultationState | null }
) {
  return ConsultationEvent.create(
    {
      consultationId,
      kind: event.kind,
      actorId: event.actor?.id ?? null,
      actorRole: event.actorRole ?? null,
      expertId: event.expertId ?? null,
      reason: event.reason ?? null,
      fromState: event.from,
      toState: event.to,
      createdAt: DateTime.fromJSDate(clock.now()),
    },
    { client: trx }
  )
}

/** Loads a consultation FOR UPDATE inside the transaction: concurrent actors queue, not race. */
export function lockConsultation(trx: TransactionClientContract, id: number) {
  return Consultation.query({ client: trx }).where('id', id).forUpdate().first()
}
