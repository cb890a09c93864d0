import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#core/accounts/models/user'
import { RuleError } from '#core/http/rule_error'
import Media from '#core/media/media'
import { setMediaVisibility, storeDocument, storePhoto, type StoreOptions, type UploadedFile } from '#core/media/media_service'
import type IndustryRecord from '#modules/info/models/industry_record'
import { RECORD_SUBJECT } from '#modules/info/shared/record_states'

/** Photos a record may carry. */
export const MAX_PHOTOS = 9
/** PDF/Office attachments a record may carry (each up to 20 MB: the media service's limit). */
export const MAX_DOCUMENTS = 5

/** All files of the record (photos and documents). */
function mediaOf(record: IndustryRecord, client?: TransactionClientContract) {
  return Media.query({ client }).where('subject_type', RECORD_SUBJECT).where('subject_id', record.id).orderBy('id')
}

/** The record's photos in the order they were added. */
export function photosOf(record: IndustryRecord, client?: TransactionClientContract) {
  return mediaOf(record, client).where('kind', 'photo')
}

/** The record's PDF/Office attachments in the order they were added. */
export function documentsOf(record: IndustryRecord, client?: TransactionClientContract) {
  return mediaOf(record, client).where('kind', 'document')
}

/**
 * Files stored with the record go inside its transaction (a refused one rolls the whole
 * save back, files included). They stay private — the author and the staff of the
 * record's region see them — until the record is signed off.
 */
function storeOptions(trx: TransactionClientContract, record: IndustryRecord, owner: User): StoreOptions {
  return {
    owner,
    visibility: record.status === 'published' ? 'public' : 'private',
    countyCode: record.regionCode === '510000' ? null : record.regionCode,
    subject: { type: RECORD_SUBJECT, id: record.id },
    client: trx,
  }
}

export async function addPhotos(trx: TransactionClientContract, record: IndustryRecord, owner: User, files: UploadedFile[]) {
  if (files.length === 0) return
  const existing = (await photosOf(record, trx)).length
  if (existing + files.length > MAX_PHOTOS) throw new RuleError('info.records.errors.too_many_photos', 'photos', { max: MAX_PHOTOS })
  for (const file of files) await storePhoto(file, storeOptions(trx, record, owner))
}

/** PDF/Office documents, recognised by their bytes (a renamed .exe is refused on `attachments`). */
export async function addDocuments(trx: TransactionClientContract, record: IndustryRecord, owner: User, files: UploadedFile[]) {
  if (files.length === 0) return
  const existing = (await documentsOf(record, trx)).length
  if (existing + files.length > MAX_DOCUMENTS) throw new RuleError('info.records.errors.too_many_documents', 'attachments', { max: MAX_DOCUMENTS })
  for (const file of files) await storeDocument(file, { ...storeOptions(trx, record, owner), field: 'attachments' })
}

/** A record's files are public exactly while it is. */
export async function showPhotos(trx: TransactionClientContract, record: IndustryRecord) {
  for (const media of await mediaOf(record, trx)) await setMediaVisibility(trx, media.id, record.status === 'published' ? 'public' : 'private')
}
