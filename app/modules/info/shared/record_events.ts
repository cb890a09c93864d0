import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Acting } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import type IndustryRecord from '#modules/info/models/industry_record'
import RecordEvent from '#modules/info/models/record_event'
import { RECORD_SUBJECT, type Checklist, type EventAction, type RecordStatus } from '#modules/info/shared/record_states'

/**
 * Writes one step into the record's history and the audit log, in the step's transaction:
 * a step is never stored without its trace, nor the trace without the step.
 */
export async function recordStep(
  trx: TransactionClientContract,
  { actor, actorRole, ip }: Acting,
  record: IndustryRecord,
  step: { action: EventAction; from: RecordStatus | null; reason?: string | null; checklist?: Checklist | null }
) {
  await RecordEvent.create(
    {
      recordId: record.id,
      action: step.action,
      actorId: actor.id,
      actorRole,
      fromStatus: step.from,
      toStatus: record.status,
      reason: step.reason ?? null,
      checklist: step.checklist ?? null,
    },
    { client: trx }
  )
  await audit(trx, {
    actor,
    actorRole,
    action: `info.record_${step.action}`,
    subjectType: RECORD_SUBJECT,
    subjectId: record.id,
    countyCode: record.regionCode,
    ip,
    changes: step.from === record.status ? null : { status: { old: step.from, new: record.status } },
  })
}
