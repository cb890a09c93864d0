import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Acting, Actor } from '#core/accounts/acting'
import type { Role } from '#core/accounts/roles'
import { RuleError } from '#core/http/rule_error'
import { notify } from '#core/notifications/notification_service'
import IndustryRecord from '#modules/info/models/industry_record'
import { roleFor } from '#modules/info/shared/record_access'
import { recordStep } from '#modules/info/shared/record_events'
import { indexRecord } from '#modules/info/shared/record_index'
import { showPhotos } from '#modules/info/shared/record_photos'
import { queueLinkRefresh } from '#modules/info/shared/record_links'
import { CHECKLIST_ITEMS, REJECTABLE, type Checklist } from '#modules/info/shared/record_states'

/*
 * 审核 → 签批 with separation of duties: three different people write, review and sign a
 * record, each holding a centre role in a scope that covers its region. A step that the
 * record's state no longer allows (a second click, sign-off before review) is refused
 * with a Chinese message; the row lock makes two simultaneous decisions one after the other.
 */

export type ChecklistInput = Partial<Record<string, string | boolean | null | undefined>>

/** The ticked checklist as stored: every item ok, its remark ('' when none). */
export function checklistOf(input: ChecklistInput): Checklist {
  return Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, { ok: true, remark: String(input[`${item}_remark`] ?? '') }])) as Checklist
}

/** 审核: the reviewer ticked every item of the checklist. */
export async function reviewRecord({ actor, ip }: Actor, recordId: number, checklist: Checklist) {
  return db.transaction(async (trx) => {
    const { record, actorRole } = await lockFor(trx, actor, recordId)
    if (record.status !== 'submitted') throw new RuleError('info.reviews.errors.not_submitted')
    record.merge({ status: 'reviewed', checklist, reviewedById: actor.id, reviewedAt: DateTime.now() })
    await record.save()
    await recordStep(trx, { actor, actorRole, ip }, record, { action: 'reviewed', from: 'submitted', checklist })
    return record
  })
}

/** 签批: by someone other than the author and the reviewer; the record is public from now on. */
export async function signOffRecord({ actor, ip }: Actor, recordId: number) {
  const record = await db.transaction(async (trx) => {
    const { record: locked, actorRole } = await lockFor(trx, actor, recordId)
    if (locked.status === 'published') throw new RuleError('info.reviews.errors.already_published')
    if (locked.status !== 'reviewed') throw new RuleError('info.reviews.errors.not_reviewed')
    if (Number(locked.reviewedById) === Number(actor.id)) throw new RuleError('info.reviews.errors.reviewer_signs')
    locked.merge({ status: 'published', signedOffById: actor.id, publishedAt: DateTime.now() })
    await locked.save()
    await recordStep(trx, { actor, actorRole, ip }, locked, { action: 'signed_off', from: 'reviewed' })
    await indexRecord(trx, locked)
    await showPhotos(trx, locked)
    await queueLinkRefresh(trx, locked.id)
    if (locked.revisesId) await supersede(trx, { actor, actorRole, ip }, locked.revisesId)
    await tell(trx, locked, 'published', '')
    return locked
  })
  return record
}

/** 退回: at review or sign-off, with the reason the author reads; the author edits and submits again. */
export async function rejectRecord({ actor, ip }: Actor, recordId: number, reason: string) {
  return db.transaction(async (trx) => {
    const { record, actorRole } = await lockFor(trx, actor, recordId)
    if (!REJECTABLE.includes(record.status)) throw new RuleError('info.reviews.errors.not_in_review')
    const from = record.status
    record.merge({ status: 'rejected', rejectionReason: reason, checklist: null, reviewedById: null, reviewedAt: null })
    await record.save()
    await recordStep(trx, { actor, actorRole, ip }, record, { action: 'rejected', from, reason })
    await tell(trx, record, 'rejected', reason)
    return record
  })
}

/**
 * 撤回: a published record leaves the public pages and the index at once, with the reason
 * its author reads; the author corrects it and it goes through the workflow again. Any
 * centre member of the scope may withdraw (it protects the public, so it needs no second
 * person), the author included.
 */
export async function withdrawRecord({ actor, ip }: Actor, recordId: number, reason: string) {
  return db.transaction(async (trx) => {
    const record = await IndustryRecord.query({ client: trx }).where('id', recordId).forUpdate().firstOrFail()
    const actorRole = await roleFor(actor, record.regionCode)
    if (!actorRole) throw new RuleError('info.reviews.errors.outside_scope')
    if (record.status !== 'published') throw new RuleError('info.reviews.errors.not_published')
    record.merge({ status: 'withdrawn', rejectionReason: reason, checklist: null, reviewedById: null, reviewedAt: null, signedOffById: null, publishedAt: null })
    await record.save()
    await recordStep(trx, { actor, actorRole, ip }, record, { action: 'withdrawn', from: 'published', reason })
    await indexRecord(trx, record)
    await showPhotos(trx, record)
    await queueLinkRefresh(trx, record.id)
    if (Number(record.authorId) !== Number(actor.id)) await tell(trx, record, 'withdrawn', reason)
    return record
  })
}

/** The version a signed-off correction replaces leaves the list and the index; it is kept, with its history. */
async function supersede(trx: TransactionClientContract, acting: Acting, recordId: number) {
  const old = await IndustryRecord.query({ client: trx }).where('id', recordId).forUpdate().firstOrFail()
  if (old.status !== 'published') return
  old.status = 'superseded'
  await old.save()
  await recordStep(trx, acting, old, { action: 'superseded', from: 'published' })
  await indexRecord(trx, old)
  await showPhotos(trx, old)
  await queueLinkRefresh(trx, old.id)
}

/** The record locked for a decision, and the role the decider acts in; the author never decides. */
async function lockFor(trx: TransactionClientContract, actor: Actor['actor'], recordId: number): Promise<{ record: IndustryRecord; actorRole: Role }> {
  const record = await IndustryRecord.query({ client: trx }).where('id', recordId).forUpdate().firstOrFail()
  if (Number(record.authorId) === Number(actor.id)) throw new RuleError('info.reviews.errors.own_record')
  const actorRole = await roleFor(actor, record.regionCode)
  if (!actorRole) throw new RuleError('info.reviews.errors.outside_scope')
  return { record, actorRole }
}

const zh = (key: string, data?: Record<string, unknown>) => i18nManager.locale('zh-CN').t(`info.reviews.notice.${key}`, data)

async function tell(trx: TransactionClientContract, record: IndustryRecord, outcome: 'published' | 'rejected' | 'withdrawn', reason: string) {
  await notify(
    record.authorId,
    { kind: `info.record_${outcome}`, title: zh(`${outcome}_title`, { title: record.title.slice(0, 40) }), body: reason, link: `/info/records/${record.id}` },
    { client: trx }
  )
}
