import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import type { Actor } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { RuleError } from '#core/http/rule_error'
import { dispatch } from '#core/jobs/dispatch'
import { defineJob } from '#core/jobs/registry'
import Media from '#core/media/media'
import { DOCUMENT_TYPES } from '#core/media/document_sniff'
import { MediaRejectedError } from '#core/media/errors'
import { storeDocument, storePhoto, storeVideo, type UploadedFile } from '#core/media/media_service'
import { mediaDisk } from '#core/media/storage'
import { upsertDocument } from '#core/text/documents'
import { verifiedExpertOfUser } from '#modules/experts/public'
import Lecture from '#modules/achievements/models/lecture'
import { LECTURE_SUBJECT } from '#modules/achievements/shared/vocabulary'

export { LECTURE_SUBJECT }
export const RENDITION_JOB = 'achievements.lecture_rendition'
/** 360p at about 300 kbit/s video and 48 kbit/s mono audio: what 2G/3G in the mountains carries. */
export const RENDITION_ARGS = ['-vf', 'scale=-2:360', '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '300k', '-maxrate', '350k', '-bufsize', '700k', '-c:a', 'aac', '-b:a', '48k', '-ac', '1', '-movflags', '+faststart']

const run = promisify(execFile)

export const SLIDES_JOB = 'achievements.lecture_slides'
/** Pages turned into images at most: a longer deck still downloads whole as its PDF. */
export const MAX_SLIDE_PAGES = 80
/** pdftoppm's output: PNG pages whose long side is 1280 px, what the photo store keeps. */
const SLIDE_ARGS = ['-png', '-scale-to', '1280', '-f', '1', '-l', String(MAX_SLIDE_PAGES)]

export interface LectureInput {
  title: string
  summary: string
  industry: string
}

/** What the form sent: a video or the slides as a PDF, exactly one of them. */
export interface LectureFiles {
  video: UploadedFile | null
  slides: UploadedFile | null
}

/** Slides a lecture takes: a PDF (shown page by page) or PowerPoint (downloaded). */
const SLIDE_TYPES = [DOCUMENT_TYPES.pdf, DOCUMENT_TYPES.pptx, DOCUMENT_TYPES.ppt]

/**
 * 发布讲堂: a verified expert's video (MP4/WebM) or slides (PDF, PPT or PPTX), through the
 * media service, public. The job that makes the phone version (the 360p rendition, or a
 * PDF's slide images) is queued; PowerPoint slides are kept for download only, since no
 * converter runs on the server.
 */
export async function publishLecture({ actor, ip }: Actor, input: LectureInput, { video, slides }: LectureFiles) {
  if (!(await verifiedExpertOfUser(actor.id))) throw new RuleError('achievements.bounties.errors.not_verified', 'video')
  if (!video && !slides) throw new RuleError('achievements.lectures.errors.no_video', 'video')
  if (video && slides) throw new RuleError('achievements.lectures.errors.both_files', 'slides')
  const lecture = await db.transaction(async (trx) => {
    const options = { owner: actor, visibility: 'public' as const, countyCode: null, client: trx }
    // A refused file (wrong kind, too large) is told next to its own field.
    const media = await (video ? storeVideo(video, options) : storeDocument(slides, { ...options, field: 'slides' })).catch((error) => {
      throw error instanceof MediaRejectedError && video ? new MediaRejectedError(error.reason, 'video') : error
    })
    // The transaction's rollback removes a stored Word or Excel file again.
    if (slides && !SLIDE_TYPES.includes(media.contentType)) throw new RuleError('achievements.lectures.errors.slides_type', 'slides')
    const files = video ? { videoId: media.id } : { slidesId: media.id }
    const rendition = video || media.contentType === DOCUMENT_TYPES.pdf ? 'pending' : 'unavailable'
    const created = await Lecture.create({ ...input, ...files, expertUserId: actor.id, rendition, views: 0 }, { client: trx })
    await trx.from('media').where('id', media.id).update({ subject_type: LECTURE_SUBJECT, subject_id: created.id })
    await indexLecture(trx, created)
    await audit(trx, { actor, action: 'achievements.lecture_publish', subjectType: LECTURE_SUBJECT, subjectId: created.id, ip })
    return created
  })
  if (lecture.rendition === 'pending') await dispatch(video ? RENDITION_JOB : SLIDES_JOB, { lectureId: lecture.id }, { singletonKey: `lecture:${lecture.id}` })
  return lecture
}

/** The lecture in the text index (its own source, a directory): the list's search box finds it by title and summary. */
export function indexLecture(trx: TransactionClientContract, lecture: Lecture) {
  return upsertDocument(
    { sourceType: LECTURE_SUBJECT, sourceId: String(lecture.id), industry: lecture.industry, text: [lecture.title, lecture.summary].join('\n'), public: true, createdAt: lecture.createdAt?.toJSDate() },
    trx
  )
}

/** The storing step of a conversion: what the tool wrote into `dir`, kept for the lecture. */
interface Conversion {
  tool: string
  args: (input: string, dir: string) => string[]
  /** Logged when the tool is missing or fails. */
  failure: string
  keep: (dir: string) => Promise<void>
}

/**
 * What both phone versions do: the file copied into a fresh folder, the tool run on it,
 * and what it made kept. A missing tool, or one that fails on the file, marks the lecture
 * `unavailable` instead (the original still serves): it degrades the page, it does not
 * break it. The folder goes whatever happens.
 */
async function convert(lecture: Lecture, source: Media, conversion: Conversion) {
  const dir = await mkdtemp(join(tmpdir(), 'lecture-'))
  try {
    const input = join(dir, `in.${source.storageKey.split('.').pop()}`)
    await writeFile(input, await mediaDisk().getBytes(source.storageKey))
    try {
      await run(conversion.tool, conversion.args(input, dir), { timeout: 10 * 60_000 })
    } catch (error) {
      logger.warn({ err: error, lectureId: lecture.id }, conversion.failure)
      lecture.rendition = 'unavailable'
      await lecture.save()
      return lecture
    }
    await conversion.keep(dir)
    return lecture
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Files made for a lecture are public and belong to it, inside the transaction that records them. */
const lectureFile = (lecture: Lecture, trx: TransactionClientContract) => ({
  owner: { id: lecture.expertUserId },
  visibility: 'public' as const,
  countyCode: null,
  subject: { type: LECTURE_SUBJECT, id: lecture.id },
  client: trx,
})

/**
 * Makes the low-bitrate rendition with ffmpeg (Debian's, on PATH) and stores it as a
 * second public video; the original is kept and plays without ffmpeg. Idempotent: a
 * lecture with a rendition is left alone.
 */
export async function renderLecture(lectureId: number, options: { ffmpeg?: string } = {}) {
  const lecture = await Lecture.find(lectureId)
  if (!lecture || !lecture.videoId || lecture.rendition === 'ready') return lecture
  return convert(lecture, await Media.findOrFail(lecture.videoId), {
    tool: options.ffmpeg ?? 'ffmpeg',
    args: (input, dir) => ['-hide_banner', '-loglevel', 'error', '-y', '-i', input, ...RENDITION_ARGS, join(dir, 'out.mp4')],
    failure: 'achievements: no low-bitrate rendition (ffmpeg missing or failed); the original plays',
    keep: async (dir) => {
      const output = join(dir, 'out.mp4')
      const { size } = await stat(output)
      await db.transaction(async (trx) => {
        const media = await storeVideo({ tmpPath: output, size, clientName: 'rendition.mp4' }, lectureFile(lecture, trx))
        lecture.useTransaction(trx)
        lecture.merge({ renditionId: media.id, rendition: 'ready' })
        await lecture.save()
      })
    },
  })
}

/**
 * Turns the slides' PDF into one public photo per page (pdftoppm from poppler-utils, the
 * first MAX_SLIDE_PAGES pages), so a phone shows them page by page; without pdftoppm the
 * page offers the PDF. Idempotent like the rendition.
 */
export async function renderSlides(lectureId: number, options: { pdftoppm?: string } = {}) {
  const lecture = await Lecture.find(lectureId)
  if (!lecture || !lecture.slidesId || lecture.rendition === 'ready') return lecture
  return convert(lecture, await Media.findOrFail(lecture.slidesId), {
    tool: options.pdftoppm ?? 'pdftoppm',
    args: (input, dir) => [...SLIDE_ARGS, input, join(dir, 'page')],
    failure: 'achievements: no slide images (pdftoppm missing or failed); the PDF downloads',
    keep: async (dir) => {
      // page-1.png … page-80.png (zero-padded to the page count's width): numeric order.
      const pages = (await readdir(dir)).filter((name) => /^page-\d+\.png$/.test(name)).sort((a, b) => pageNumber(a) - pageNumber(b))
      await db.transaction(async (trx) => {
        for (const [index, name] of pages.entries()) {
          const path = join(dir, name)
          const photo = await storePhoto({ tmpPath: path, size: (await stat(path)).size, clientName: name }, lectureFile(lecture, trx))
          await trx.table('achievements_lecture_pages').insert({ lecture_id: lecture.id, page: index + 1, media_id: photo.id })
        }
        lecture.useTransaction(trx)
        lecture.merge({ pageCount: pages.length, rendition: pages.length ? 'ready' : 'unavailable' })
        await lecture.save()
      })
    },
  })
}

function pageNumber(name: string) {
  return Number(/\d+/.exec(name)![0])
}

/** A slide's image: page `page` (1-based) of the lecture, or null when there is none. */
export async function slideOf(lectureId: number, page: number) {
  const row = await db.from('achievements_lecture_pages').where({ lecture_id: lectureId, page }).select('media_id').first()
  return row ? Media.find(row.media_id) : null
}

defineJob<{ lectureId: number }>(SLIDES_JOB, async ({ lectureId }) => {
  await renderSlides(lectureId)
}, { retryLimit: 1 })

defineJob<{ lectureId: number }>(RENDITION_JOB, async ({ lectureId }) => {
  await renderLecture(lectureId)
}, { retryLimit: 1 })
