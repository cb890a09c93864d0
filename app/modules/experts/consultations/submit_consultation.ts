import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type User from '#core/accounts/models/user'
import type { Role } from '#core/accounts/roles'
import { clock } from '#core/clock'
import { queueSms } from '#core/jobs/sms_delivery'
import { screen } from '#core/moderation/moderation'
import Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import { TRIAGE_WINDOW_MS } from '#modules/experts/shared/consultation_states'
import { recordTransition } from '#modules/experts/shared/transition'
import { holdConsultation } from '#modules/experts/consultations/consultation_moderation'
import { siteUrl } from '#modules/experts/conversation/post_message'
import { caseLinkPath } from '#modules/experts/shared/case_links'
import { attachMedia } from '#core/media/media_service'
import { reportingVillage } from '#modules/experts/officers/officer_actions'

/** Photos and videos of a case carry this subject type, so the media service asks us who may see them. */
export const MEDIA_SUBJECT = 'consultation'

export interface Submission {
  reporter: User
  /** The role the person reports in: an 信息员 always reports for a farmer. */
  reporterRole: Role
  text: string
  industryCode: string
  countyCode: string
  farmer: { name: string; phone: string } | null
  /** "向TA提问": kept only if that expert is verified. */
  addressedExpertId: number | null
  /** Already stored by the media service and owned by the reporter, photos first. */
  mediaIds: number[]
  /** From the form, generated when it was shown: a second POST of the same form finds the first case. */
  idempotencyKey: string
  /** The reporter agreed that the solved Q&A, masked, may go to 农技知识库. */
  knowledgeConsent?: boolean
}

export type SubmitResult =
  | { outcome: 'created'; consultation: Consultation }
  | { outcome: 'duplicate'; consultation: Consultation }
  | { outcome: 'blocked'; categories: string[] }

export function findByIdempotencyKey(reporterId: number, key: string) {
  return Consultation.query().where('reporter_id', reporterId).where('idempotency_key', key).first()
}

/**
 * 报需求: screens the text (blocked text stores nothing; held text is stored as
 * 'held' and queued for review, and is not triaged until approved), stores the case
 * in 'submitted' with its 1-hour triage deadline, attaches the media, writes the
 * 'submitted' event, and texts the farmer their link once committed. A second
 * submit with the same key returns the first case (the unique index decides races).
 */
export async function submitConsultation(submission: Submission): Promise<SubmitResult> {
  const reporterId = Number(submission.reporter.id)
  let created: Consultation
  try {
    const result = await db.transaction(async (trx) => {
      const screening = await screen({ module: 'experts', countyCode: submission.countyCode, text: submission.text }, trx)
      if (screening.verdict === 'block') return { blocked: screening.categories }

      const addressed = submission.addressedExpertId
        ? await Expert.query({ client: trx }).where('id', submission.addressedExpertId).where('status', 'verified').select('id').first()
        : null
      const now = DateTime.fromJSDate(clock.now())
      const consultation = new Consultation()
      consultation.fill({
        reporterId,
        farmerName: submission.farmer?.name ?? null,
        farmerPhone: submission.farmer?.phone ?? null,
        addressedExpertId: addressed ? Number(addressed.id) : null,
        industryCode: submission.industryCode,
        countyCode: submission.countyCode,
        // A verified 信息员's village, as it is today (statistics count cases by village).
        villageCode: await reportingVillage(trx, reporterId),
        text: submission.text,
        moderation: screening.verdict === 'hold' ? 'held' : 'pass',
        triageDueAt: now.plus(TRIAGE_WINDOW_MS),
        idempotencyKey: submission.idempotencyKey,
        knowledgeConsent: submission.knowledgeConsent === true,
        // The platform clock, which the sweep's "untouched for 10 minutes" compares with.
        createdAt: now,
        updatedAt: now,
      })
      await recordTransition(trx, consultation, 'submitted', {
        kind: 'submitted',
        actor: { id: reporterId },
        actorRole: submission.reporterRole,
      })

      if (submission.mediaIds.length) {
        // Only the reporter's own files that belong to no record yet can be attached.
        await attachMedia(trx, {
          ids: submission.mediaIds,
          ownerId: reporterId,
          subject: { type: MEDIA_SUBJECT, id: consultation.id },
          countyCode: consultation.countyCode,
          visibility: 'private',
        })
        await trx.table('experts_consultation_media').multiInsert(
          submission.mediaIds.map((mediaId, position) => ({ consultation_id: consultation.id, media_id: mediaId, position }))
        )
      }

      if (screening.verdict === 'hold') {
        await holdConsultation(trx, consultation, screening.categories)
      }
      return { consultation }
    })
    if ('blocked' in result) return { outcome: 'blocked', categories: result.blocked ?? [] }
    created = result.consultation
  } catch (error) {
    if ((error as any)?.code === '23505' && (error as any)?.constraint === 'experts_consultations_idempotency') {
      const first = await findByIdempotencyKey(reporterId, submission.idempotencyKey)
      if (first) return { outcome: 'duplicate', consultation: first }
    }
    throw error
  }

  if (created.farmerPhone) {
    await queueSms(created.farmerPhone, 'consultation_farmer_link', {
      id: String(created.id),
      link: siteUrl(caseLinkPath(Number(created.id), 'farmer', 0)),
    }).catch((error) => logger.error({ err: error, consultationId: created.id }, 'experts: farmer link SMS not queued'))
  }
  return { outcome: 'created', consultation: created }
}
