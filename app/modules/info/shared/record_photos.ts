import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#core/accounts/models/user'
import { RuleError } from '#core/http/rule_error'
import Media from '#core/media/media'
import { setMediaVisibility, storePhoto, type UploadedFile } from '#core/media/media_service'
import type IndustryRecord from '#modules/info/models/industry_record'
import { RECORD_SUBJECT } from '#modules/info/shared/record_states'

/** Photos a record may carry (its tables and documents come later, with attachments of their own). */
export const MAX_PHOTOS = 9

/** The record's photos in the order they were added. */
export function photosOf(record: IndustryRecord, client?: TransactionClientContract) {
  return Media.query({ client }).where('subject_type', RECORD_SUBJECT).where('subject_id', record.id).orderBy('id')
}

/**
 * Stores new photos with the record, inside its transaction (a refused one rolls the
 * whole save back, files included). They stay private — the author and the staff of the
 * record's region see them — until the record is signed off.
 */
export async function addPhotos(trx: TransactionClientContract, record: IndustryRecord, owner: User, files: UploadedFile[]) {
  if (files.length === 0) return
  const existing = (await photosOf(record, trx)).length
  if (existing + files.length > MAX_PHOTOS) throw new RuleError('info.records.errors.too_many_photos', 'photos', { max: MAX_PHOTOS })
  for (const file of files) {
    await storePhoto(file, {
      owner,
      visibility: record.status === 'published' ? 'public' : 'private',
      countyCode: record.regionCode === '510000' ? null : record.regionCode,
      subject: { type: RECORD_SUBJECT, id: record.id },
      client: trx,
    })
  }
}

/** Photos are public exactly while their record is. */
export async function showPhotos(trx: TransactionClientContract, record: IndustryRecord) {
  for (const photo of await photosOf(record, trx)) await setMediaVisibility(trx, photo.id, record.status === 'published' ? 'public' : 'private')
}
