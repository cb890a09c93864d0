import { execFile } from 'node:child_process'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { Actor } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { RuleError } from '#core/http/rule_error'
import { dispatch } from '#core/jobs/dispatch'
import { defineJob } from '#core/jobs/registry'
import Media from '#core/media/media'
import { MediaRejectedError } from '#core/media/errors'
import { storeVideo, type UploadedFile } from '#core/media/media_service'
import { mediaDisk } from '#core/media/storage'
import { verifiedExpertOfUser } from '#modules/experts/public'
import Lecture from '#modules/achievements/models/lecture'

export const LECTURE_SUBJECT = 'achievements.lecture'
export const RENDITION_JOB = 'achievements.lecture_rendition'
/** 360p at about 300 kbit/s video and 48 kbit/s mono audio: what 2G/3G in the mountains carries. */
export const RENDITION_ARGS = ['-vf', 'scale=-2:360', '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '300k', '-maxrate', '350k', '-bufsize', '700k', '-c:a', 'aac', '-b:a', '48k', '-ac', '1', '-movflags', '+faststart']

const run = promisify(execFile)

export interface LectureInput {
  title: string
  summary: string
  industry: string
}

/** 发布讲堂: a verified expert's video (MP4/WebM through the media service, public), its rendition queued. */
export async function publishLecture({ actor, ip }: Actor, input: LectureInput, video: UploadedFile | null) {
  if (!(await verifiedExpertOfUser(actor.id))) throw new RuleError('achievements.bounties.errors.not_verified', 'video')
  if (!video) throw new RuleError('achievements.lectures.errors.no_video', 'video')
  const lecture = await db.transaction(async (trx) => {
    // A refused file (not a video, too large) is told next to the video field.
    const media = await storeVideo(video, { owner: actor, visibility: 'public', countyCode: null, client: trx }).catch((error) => {
      throw error instanceof MediaRejectedError ? new MediaRejectedError(error.reason, 'video') : error
    })
    const created = await Lecture.create({ ...input, expertUserId: actor.id, videoId: media.id, rendition: 'pending', views: 0 }, { client: trx })
    await trx.from('media').where('id', media.id).update({ subject_type: LECTURE_SUBJECT, subject_id: created.id })
    await audit(trx, { actor, action: 'achievements.lecture_publish', subjectType: LECTURE_SUBJECT, subjectId: created.id, ip })
    return created
  })
  await dispatch(RENDITION_JOB, { lectureId: lecture.id }, { singletonKey: `lecture:${lecture.id}` })
  return lecture
}

/**
 * Makes the low-bitrate rendition with ffmpeg (Debian's, on PATH) and stores it as a
 * second public video; the original is kept. Without ffmpeg, or when it fails on the file,
 * the lecture is marked `unavailable` and the original plays: a missing tool degrades the
 * page, it does not break it. Idempotent: a lecture with a rendition is left alone.
 */
export async function renderLecture(lectureId: number, options: { ffmpeg?: string } = {}) {
  const lecture = await Lecture.find(lectureId)
  if (!lecture || lecture.rendition === 'ready') return lecture
  const original = await Media.findOrFail(lecture.videoId)
  const dir = await mkdtemp(join(tmpdir(), 'lecture-'))
  try {
    const input = join(dir, `in.${original.storageKey.split('.').pop()}`)
    const output = join(dir, 'out.mp4')
    await writeFile(input, await mediaDisk().getBytes(original.storageKey))
    try {
      await run(options.ffmpeg ?? 'ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', input, ...RENDITION_ARGS, output], { timeout: 10 * 60_000 })
    } catch (error) {
      logger.warn({ err: error, lectureId }, 'achievements: no low-bitrate rendition (ffmpeg missing or failed); the original plays')
      lecture.rendition = 'unavailable'
      await lecture.save()
      return lecture
    }
    const { size } = await stat(output)
    await db.transaction(async (trx) => {
      const media = await storeVideo({ tmpPath: output, size, clientName: 'rendition.mp4' }, { owner: { id: lecture.expertUserId }, visibility: 'public', countyCode: null, subject: { type: LECTURE_SUBJECT, id: lecture.id }, client: trx })
      lecture.useTransaction(trx)
      lecture.merge({ renditionId: media.id, rendition: 'ready' })
      await lecture.save()
    })
    return lecture
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

defineJob<{ lectureId: number }>(RENDITION_JOB, async ({ lectureId }) => {
  await renderLecture(lectureId)
}, { retryLimit: 1 })
