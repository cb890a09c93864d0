import { randomBytes } from 'node:crypto'
import { unlink } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Media, { type MediaVisibility } from '#core/media/media'
import { MediaRejectedError } from '#core/media/errors'
import { PHOTO_MAX_BYTES, processPhoto } from '#core/media/photo'
import { readHead, sniff, type Sniffed, type VideoFormat } from '#core/media/sniff'
import { mediaDisk } from '#core/media/storage'
import { DOCUMENT_TYPES, sniffDocument } from '#core/media/document_sniff'

export const VIDEO_MAX_BYTES = 50 * 1024 * 1024
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024

/** What the body parser hands over (a `MultipartFile`), or any file on disk. */
export interface UploadedFile {
  tmpPath?: string
  size: number
  clientName?: string
}

/**
 * Whether the person picked a file: a file input left empty still sends a nameless,
 * empty part, which is no upload at all; a named file, even an empty one, is an
 * upload (and the media service refuses it with a message).
 */
export function wasChosen<T extends UploadedFile>(file: T | null | undefined): file is T {
  return !!file && (!!file.clientName || file.size > 0)
}

export interface StoreOptions {
  owner: { id: number }
  visibility: MediaVisibility
  /** County of the record the file belongs to: staff of that county may see private media. */
  countyCode: string | null
  subject?: { type: string; id: number } | null
  /**
   * Kept on purpose by its owner ("我的图片"): never collected as an orphan while it
   * belongs to no record (see removeOrphanedMedia).
   */
  kept?: boolean
  /** Store the row inside the caller's transaction (the files are written at once, and deleted if it rolls back). */
  client?: TransactionClientContract
}

const VIDEO_TYPES: Record<VideoFormat, string> = { mp4: 'video/mp4', webm: 'video/webm' }

/**
 * A photo, recognised by its content (JPEG/PNG/WebP/GIF, ≤ 15 MB), stored as a
 * ≤ 1280 px WebP plus a ≤ 320 px thumbnail without any metadata. The upload itself is
 * deleted: originals, with their EXIF and GPS, are never kept.
 */
export function storePhoto(file: UploadedFile | null | undefined, options: StoreOptions): Promise<Media> {
  return consume(file, async (path, size) => {
    const format = await recognise(path, size, 'photo', PHOTO_MAX_BYTES)
    const photo = await processPhoto(path, format)

    const publicId = newPublicId()
    const storageKey = `photos/${publicId.slice(0, 2)}/${publicId}.webp`
    const thumbKey = `photos/${publicId.slice(0, 2)}/${publicId}.thumb.webp`
    await putAll(
      [
        [storageKey, photo.large],
        [thumbKey, photo.thumb],
      ],
      'image/webp'
    )
    return createRow([storageKey, thumbKey], options, {
      publicId,
      kind: 'photo',
      contentType: 'image/webp',
      storageKey,
      size: photo.large.length,
      thumbKey,
      thumbSize: photo.thumb.length,
      width: photo.width,
      height: photo.height,
    })
  })
}

/** An MP4 or WebM video, recognised by its container signature, ≤ 50 MB, stored as uploaded. */
export function storeVideo(file: UploadedFile | null | undefined, options: StoreOptions): Promise<Media> {
  return consume(file, async (path, size) => {
    const format = await recognise(path, size, 'video', VIDEO_MAX_BYTES)
    const publicId = newPublicId()
    const storageKey = `videos/${publicId.slice(0, 2)}/${publicId}.${format}`
    const contentType = VIDEO_TYPES[format]
    await mediaDisk().moveFromFs(path, storageKey, { contentType })
    return createRow([storageKey], options, { publicId, kind: 'video', contentType, storageKey, size })
  })
}

/**
 * A PDF or Office document (docx/xlsx/pptx, or legacy doc/xls/ppt), recognised by its
 * structure (see sniffDocument), ≤ 20 MB, stored as uploaded and always served as a
 * download. The client's file name is kept, cleaned, only as the name to save it as.
 */
export function storeDocument(file: UploadedFile | null | undefined, options: StoreOptions & { field?: string }): Promise<Media> {
  return consume(file, async (path, size) => {
    if (size > DOCUMENT_MAX_BYTES) throw new MediaRejectedError('document_too_large', options.field)
    const format = await sniffDocument(path)
    if (!format) throw new MediaRejectedError('document_type', options.field)
    const publicId = newPublicId()
    const storageKey = `documents/${publicId.slice(0, 2)}/${publicId}.${format}`
    const contentType = DOCUMENT_TYPES[format]
    await mediaDisk().moveFromFs(path, storageKey, { contentType })
    return createRow([storageKey], options, {
      publicId,
      kind: 'document',
      contentType,
      storageKey,
      size,
      fileName: documentFileName(file?.clientName, format),
    })
  })
}

/**
 * An attachment: a photo or a document, whichever the content turns out to be (a
 * record's pictures and its PDF/Office files through one field). Anything else is
 * refused with `not_attachment` on `options.field`.
 */
export async function storeAttachment(file: UploadedFile | null | undefined, options: StoreOptions & { field?: string }): Promise<Media> {
  const path = requirePath(file)
  if (sniff(await readHead(path))?.kind === 'photo') {
    try {
      return await storePhoto(file, options)
    } catch (error) {
      if (error instanceof MediaRejectedError) throw new MediaRejectedError(error.reason, options.field)
      throw error
    }
  }
  if (file!.size <= DOCUMENT_MAX_BYTES && (await sniffDocument(path))) return storeDocument(file, options)
  await unlink(path).catch(() => {})
  throw new MediaRejectedError(file!.size > DOCUMENT_MAX_BYTES ? 'document_too_large' : 'not_attachment', options.field)
}

/**
 * The name a document is saved as: the uploaded name without any folder, control or
 * quoting characters, at most 100 characters, always ending in the extension of what
 * the file really is ("报告.exe" that is a PDF downloads as "报告.exe.pdf").
 */
export function documentFileName(clientName: string | undefined, format: string): string {
  const base = (clientName ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, '')
    .trim()
  const stem = base.toLowerCase().endsWith(`.${format}`) ? base.slice(0, -(format.length + 1)) : base
  return `${[...(stem || 'document')].slice(0, 100).join('')}.${format}`
}

/** A photo or a video, whichever the content turns out to be. */
export async function storeUpload(file: UploadedFile | null | undefined, options: StoreOptions): Promise<Media> {
  const sniffed = sniff(await readHead(requirePath(file)))
  if (sniffed?.kind === 'photo') return storePhoto(file, options)
  if (sniffed?.kind === 'video') return storeVideo(file, options)
  await unlink(file!.tmpPath!).catch(() => {})
  throw new MediaRejectedError('not_media')
}

/** Removes the row, then the files (a missing file is not an error). */
export async function deleteMedia(media: Media) {
  await media.delete()
  const disk = mediaDisk()
  for (const key of [media.storageKey, media.thumbKey]) {
    if (key) await disk.delete(key).catch(() => {})
  }
}

/**
 * subject_type of an upload its owner keeps in "我的图片" while it belongs to no record
 * (subject_id stays null, so attachMedia can still give it to one).
 */
export const KEPT_BY_OWNER = 'media.kept'

/**
 * Orphans: files that belong to no record and that no one kept in "我的图片" — left by
 * a submit that crashed before its record was saved, or by a form abandoned after a
 * refusal (its kept_media ids are no longer sent). Removes up to `limit` of those
 * created before `olderThan`, rows first (a row attached meanwhile is not matched
 * and stays), then every variant's file through Drive (a missing file is not an
 * error). Returns how many rows went.
 */
export async function removeOrphanedMedia(olderThan: Date, limit: number): Promise<number> {
  const rows: { storage_key: string; thumb_key: string | null }[] = await db
    .rawQuery(
      `DELETE FROM media WHERE id IN (
         SELECT id FROM media
         WHERE subject_id IS NULL AND subject_type IS NULL AND created_at < ?
         ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
       AND subject_id IS NULL AND subject_type IS NULL
       RETURNING storage_key, thumb_key`,
      [olderThan, limit]
    )
    .then((result) => result.rows)
  const disk = mediaDisk()
  for (const row of rows) {
    for (const key of [row.storage_key, row.thumb_key]) {
      if (key) await disk.delete(key).catch(() => {})
    }
  }
  return rows.length
}

/** A person's own uploads, newest first. */
export function ownMedia(owner: { id: number }, page: number, perPage = 12) {
  return Media.query().where('owner_id', owner.id).orderBy('id', 'desc').paginate(page, perPage)
}

/** Runs `work` on the uploaded file, which is deleted afterwards whatever happens. */
async function consume<T>(file: UploadedFile | null | undefined, work: (path: string, size: number) => Promise<T>): Promise<T> {
  const path = requirePath(file)
  try {
    return await work(path, file!.size)
  } finally {
    await unlink(path).catch(() => {})
  }
}

/** The file's format if it is the expected kind within the size limit (size first: it costs nothing). */
async function recognise<K extends 'photo' | 'video'>(path: string, size: number, kind: K, maxBytes: number) {
  if (size > maxBytes) throw new MediaRejectedError(`${kind}_too_large`)
  const sniffed = sniff(await readHead(path))
  if (sniffed?.kind !== kind) throw new MediaRejectedError(`${kind}_type`)
  return sniffed.format as Extract<Sniffed, { kind: K }>['format']
}

function requirePath(file: UploadedFile | null | undefined): string {
  if (!file?.tmpPath) throw new MediaRejectedError('missing')
  return file.tmpPath
}

/** 16 random bytes, URL-safe: 22 characters. */
function newPublicId() {
  return randomBytes(16).toString('base64url')
}

/**
 * Writes several files of one upload, or none: when the storage fails half-way (an S3
 * outage), the files already written are deleted again (as far as the storage lets us).
 */
async function putAll(files: [key: string, bytes: Buffer][], contentType: string) {
  const disk = mediaDisk()
  const written: string[] = []
  try {
    for (const [key, bytes] of files) {
      await disk.put(key, bytes, { contentType })
      written.push(key)
    }
  } catch (error) {
    for (const key of written) await disk.delete(key).catch(() => {})
    throw error
  }
}

async function createRow(keys: string[], options: StoreOptions, attributes: Partial<Media>) {
  const deleteFiles = async () => {
    for (const key of keys) await mediaDisk().delete(key).catch(() => {})
  }
  try {
    const media = await Media.create(
      {
        ...attributes,
        ownerId: options.owner.id,
        visibility: options.visibility,
        countyCode: options.countyCode,
        subjectType: options.subject?.type ?? (options.kept ? KEPT_BY_OWNER : null),
        subjectId: options.subject?.id ?? null,
      },
      { client: options.client }
    )
    // The caller's transaction may still fail (a blocked answer, a refused form): its row goes, so do the files.
    options.client?.after('rollback', deleteFiles)
    return media
  } catch (error) {
    // No row, no file: nothing unreachable stays on the disk.
    await deleteFiles()
    throw error
  }
}

/**
 * Gives the owner's files that belong to no record yet to a record, inside the record's
 * transaction: all of them or, if any is someone else's or taken, none (it throws).
 */
export async function attachMedia(
  trx: TransactionClientContract,
  options: { ids: number[]; ownerId: number; subject: { type: string; id: number }; countyCode: string | null; visibility: MediaVisibility }
) {
  const attached = await trx
    .from('media')
    .whereIn('id', options.ids)
    .where('owner_id', options.ownerId)
    .whereNull('subject_id')
    .update({ subject_type: options.subject.type, subject_id: options.subject.id, county_code: options.countyCode, visibility: options.visibility })
  if (Number(attached) !== options.ids.length) throw new Error('Media to attach are not the owner’s unattached files')
}

/** Shows or hides a file with its record (e.g. a photo that becomes public when its record is approved). */
export async function setMediaVisibility(trx: TransactionClientContract, mediaId: number, visibility: MediaVisibility) {
  await trx.from('media').where('id', mediaId).update({ visibility })
}
