import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { LucidRow } from '@adonisjs/lucid/types/model'
import AuditEntry, { type AuditChanges } from '#core/audit/audit_entry'

export interface AuditEvent {
  actor: { id: number } | null
  /** The role the actor acted in, e.g. center_admin. */
  actorRole?: string | null
  action: string
  subjectType: string
  subjectId?: string | number | null
  countyCode?: string | null
  ip?: string | null
  changes?: AuditChanges | null
}

/**
 * Writes the audit row inside the caller's transaction: the change and its record
 * commit, or roll back, together. There is deliberately no update or delete here.
 */
export async function audit(trx: TransactionClientContract, event: AuditEvent) {
  await AuditEntry.create(
    {
      actorId: event.actor?.id ?? null,
      actorRole: event.actorRole ?? null,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId === undefined || event.subjectId === null ? null : String(event.subjectId),
      countyCode: event.countyCode ?? null,
      ip: event.ip ?? null,
      changes: event.changes ?? null,
    },
    { client: trx }
  )
}

/** Old and new values of the given fields that a model is about to change (call before save). */
export function changesOf(model: LucidRow, fields: string[]): AuditChanges | null {
  const changes: AuditChanges = {}
  for (const field of fields) {
    if (field in model.$dirty) changes[field] = { old: model.$original[field] ?? null, new: model.$dirty[field] }
  }
  return Object.keys(changes).length ? changes : null
}
