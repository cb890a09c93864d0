import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { Acting } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { RuleError } from '#core/http/rule_error'
import { deleteMedia, storeDocument, storePhoto, type UploadedFile } from '#core/media/media_service'
import Media from '#core/media/media'
import { holdersAt } from '#core/accounts/role_grants'
import { isCurrentVillageOf } from '#core/regions/villages'
import OperationCenter from '#modules/admin/models/operation_center'
import CenterChecklistItem, { type ChecklistItemKey } from '#modules/admin/models/center_checklist_item'
import { levelOf } from '#modules/admin/centres/center_rights'

/** Subject type of centres in the audit log, and of checklist evidence in media. */
export const CENTER_SUBJECT = 'admin.center'
export const CENTER_ITEM_SUBJECT = 'admin.center_item'

/** Evidence per item: a few photos (the sign, the room, the equipment) and documents (the 批文, the budget). */
export const MAX_ITEM_PHOTOS = 6
export const MAX_ITEM_DOCUMENTS = 3

/** 有 3–5 名人员: the staff a centre (not a village station) must hold among its role grants. */
export const STAFF_RANGE = { min: 3, max: 5 } as const

/** Roles that count as a centre's staff. */
export const CENTRE_STAFF_ROLES = ['center_staff', 'center_admin'] as const

export interface CenterInput {
  regionCode: string
  villageCode: string | null
  name: string
  address: string
}

/** Registers a centre for a region (or a village station for a current village of the county); one per region or village. */
export async function registerCenter({ actor, actorRole, ip }: Acting, input: CenterInput) {
  if (input.villageCode) {
    if (!(await isCurrentVillageOf(input.villageCode, input.regionCode))) throw new RuleError('admin.centres.errors.village_unknown', 'village_code')
  }
  const level = levelOf(input.regionCode, input.villageCode)
  return db.transaction(async (trx) => {
    const taken = await OperationCenter.query({ client: trx })
      .where((query) => (input.villageCode ? query.where('village_code', input.villageCode) : query.where('region_code', input.regionCode).whereNot('level', 'village')))
      .first()
    if (taken) throw new RuleError('admin.centres.errors.already_registered', input.villageCode ? 'village_code' : 'region_code')
    const centre = await OperationCenter.create({ ...input, level, createdById: actor.id }, { client: trx })
    await audit(trx, { actor, actorRole, action: 'centre.register', subjectType: CENTER_SUBJECT, subjectId: centre.id, countyCode: centre.regionCode, ip })
    return centre
  })
}

/** Why a staff count does not make 有 3–5 名人员, or null when it does. */
export function staffShortfall(count: number): 'too_few' | 'too_many' | null {
  if (count < STAFF_RANGE.min) return 'too_few'
  if (count > STAFF_RANGE.max) return 'too_many'
  return null
}

export interface ItemEvidence {
  note: string
  photos: UploadedFile[]
  documents: UploadedFile[]
}

/**
 * The centre fills (or fills again) one item: its note and new evidence; it then waits for
 * the level above, whatever it was before (an approved item changed is reviewed again).
 * An item needs at least one photo or document in all; 有人员 also needs 3–5 staff among
 * the centre's role grants (a village station's people are its 信息员, not counted here).
 */
export async function submitItem({ actor, actorRole, ip }: Acting, centre: OperationCenter, item: ChecklistItemKey, evidence: ItemEvidence) {
  if (item === 'staff' && centre.level !== 'village') {
    const count = (await holdersAt(centre.scope, CENTRE_STAFF_ROLES)).length
    const shortfall = staffShortfall(count)
    if (shortfall) throw new RuleError(`admin.centres.errors.staff_${shortfall}`, 'note', { count, ...STAFF_RANGE })
  }
  return db.transaction(async (trx) => {
    const existing = await CenterChecklistItem.query({ client: trx }).where({ centerId: centre.id, item }).forUpdate().first()
    const held = existing
      ? await trx.from('media').where({ subject_type: CENTER_ITEM_SUBJECT, subject_id: existing.id }).select('kind')
      : []
    const heldPhotos = held.filter((row) => row.kind === 'photo').length
    if (heldPhotos + evidence.photos.length > MAX_ITEM_PHOTOS) throw new RuleError('admin.centres.errors.too_many_photos', 'photos', { max: MAX_ITEM_PHOTOS })
    if (held.length - heldPhotos + evidence.documents.length > MAX_ITEM_DOCUMENTS) {
      throw new RuleError('admin.centres.errors.too_many_documents', 'documents', { max: MAX_ITEM_DOCUMENTS })
    }
    if (held.length + evidence.photos.length + evidence.documents.length === 0) throw new RuleError('admin.centres.errors.evidence_required', 'photos')

    const row = existing ?? new CenterChecklistItem()
    row.useTransaction(trx)
    row.merge({ centerId: centre.id, item, note: evidence.note, status: 'submitted', returnReason: null, submittedById: actor.id, submittedAt: DateTime.now(), reviewedById: null, reviewedAt: null })
    await row.save()
    // Private: the centre's people and those above it see them (media's scope rule on the centre's region).
    const options = { owner: actor, visibility: 'private' as const, countyCode: centre.regionCode, subject: { type: CENTER_ITEM_SUBJECT, id: row.id }, client: trx }
    for (const photo of evidence.photos) await storePhoto(photo, options)
    for (const document of evidence.documents) await storeDocument(document, { ...options, field: 'documents' })
    await audit(trx, { actor, actorRole, action: 'centre.item_submit', subjectType: CENTER_SUBJECT, subjectId: centre.id, countyCode: centre.regionCode, ip, changes: { [item]: { old: existing?.status ?? null, new: 'submitted' } } })
    return row
  })
}

/** The level above approves a submitted item, or returns it with a reason; nobody reviews what they filled themselves. */
export async function reviewItem({ actor, actorRole, ip }: Acting, centre: OperationCenter, item: ChecklistItemKey, decision: 'approved' | 'returned', reason: string | null) {
  return db.transaction(async (trx) => {
    const row = await CenterChecklistItem.query({ client: trx }).where({ centerId: centre.id, item }).forUpdate().first()
    if (!row || row.status !== 'submitted') throw new RuleError('admin.centres.errors.not_submitted', 'decision')
    if (row.submittedById === Number(actor.id)) throw new RuleError('admin.centres.errors.own_submission', 'decision')
    if (decision === 'returned' && !reason) throw new RuleError('admin.centres.errors.reason_required', 'reason')
    row.useTransaction(trx)
    row.merge({ status: decision, returnReason: decision === 'returned' ? reason : null, reviewedById: actor.id, reviewedAt: DateTime.now() })
    await row.save()
    await audit(trx, {
      actor,
      actorRole,
      action: decision === 'approved' ? 'centre.item_approve' : 'centre.item_return',
      subjectType: CENTER_SUBJECT,
      subjectId: centre.id,
      countyCode: centre.regionCode,
      ip,
      changes: { [item]: { old: 'submitted', new: decision }, ...(reason ? { reason: { old: null, new: reason } } : {}) },
    })
    return row
  })
}

/**
 * The centre takes a wrong file off an item that is not approved yet (approved evidence
 * stays as it was approved). The last file stays: an item always shows some evidence —
 * upload the right one first. The file is deleted with its row.
 */
export async function removeEvidence({ actor, actorRole, ip }: Acting, centre: OperationCenter, item: ChecklistItemKey, publicId: string) {
  const removed = await db.transaction(async (trx) => {
    const row = await CenterChecklistItem.query({ client: trx }).where({ centerId: centre.id, item }).forUpdate().first()
    const files = row ? await Media.query({ client: trx }).where({ subjectType: CENTER_ITEM_SUBJECT, subjectId: row.id }) : []
    const file = files.find((candidate) => candidate.publicId === publicId)
    if (!row || !file) throw new RuleError('admin.centres.errors.file_unknown', 'file')
    if (row.status === 'approved') throw new RuleError('admin.centres.errors.approved_evidence', 'file')
    if (files.length === 1) throw new RuleError('admin.centres.errors.last_evidence', 'file')
    await audit(trx, { actor, actorRole, action: 'centre.item_file_remove', subjectType: CENTER_SUBJECT, subjectId: centre.id, countyCode: centre.regionCode, ip, changes: { [item]: { old: file.fileName ?? file.publicId, new: null } } })
    return file
  })
  await deleteMedia(removed)
}
