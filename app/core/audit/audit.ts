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

const actionLabels = new Map<string, string>()

/**
 * Names audited actions and the i18n key of each one's label, for the audit log's
 * filter and rows. Core names its own here; a module names its own from its start file.
 */
export function registerAuditActions(labels: Record<string, string>) {
  for (const [action, label] of Object.entries(labels)) actionLabels.set(action, label)
}

/** Action → i18n key of its label, in registration order. */
export function auditActionLabels(): Record<string, string> {
  return Object.fromEntries(actionLabels)
}

registerAuditActions({
  'account.password_reset': 'audit.actions.account_password_reset',
  'account.profile_update': 'audit.actions.account_profile_update',
  'account.login_locked': 'audit.actions.account_login_locked',
  'job.retry': 'audit.actions.job_retry',
  'media.orphans_removed': 'audit.actions.media_orphans_removed',
  'moderation.breaker_trip': 'audit.actions.moderation_breaker_trip',
  'moderation.breaker_reset': 'audit.actions.moderation_breaker_reset',
  'moderation.review_approve': 'audit.actions.moderation_review_approve',
  'moderation.review_reject': 'audit.actions.moderation_review_reject',
  'moderation.word_add': 'audit.actions.moderation_word_add',
  'moderation.word_remove': 'audit.actions.moderation_word_remove',
})

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
