import { DateTime } from 'luxon'
import type { Actor } from '#core/accounts/acting'
import { RuleError } from '#core/http/rule_error'
import { BEIJING, today, todayIso } from '#core/clock'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#core/accounts/models/user'
import { audit, changesOf } from '#core/audit/audit'
import Media from '#core/media/media'
import { deleteMedia, storePhoto, type UploadedFile } from '#core/media/media_service'
import regionDirectory from '#core/regions/region_directory'
import { removeDocument, upsertDocument } from '#core/text/documents'
import Expert from '#modules/experts/models/expert'
import type { ExpertLevel } from '#modules/experts/shared/consultation_states'
import { EXPERT_SOURCE } from '#modules/experts/profiles/profile_queries'
import { industryNames } from '#core/industries/industry_directory'
import { decideApplication, grantApplicantRole, type ApplicationKind } from '#modules/experts/shared/applications'
import { setMediaVisibility } from '#core/media/media_service'

/** Subject type of profiles in the audit log and of their photos in media. */
export const PROFILE_SUBJECT = 'experts.profile'

export interface ProfileInput {
  organization: string
  title: string
  level: ExpertLevel
  countyCode: string
  /** The main industry first. */
  industries: string[]
  specialties: string
  bio: string
}

export class AlreadyAppliedError extends Error {}
export { NotPendingError } from '#modules/experts/shared/applications'

/**
 * Changing what triage matches on — level, county, industries — sends a verified
 * profile back to review: centre staff vouch for exactly these.
 */
const REVERIFY_FIELDS = ['level', 'countyCode', 'industries'] as const

/** An away date further off than this is a typo, or a profile that should be withdrawn. */
const MAX_AWAY_DAYS = 366

/** A user applies once; the profile waits for the centre of its county. */
export async function applyAsExpert({ actor, ip }: Actor, input: ProfileInput, photo: UploadedFile | null) {
  return db.transaction(async (trx) => {
    const existing = await Expert.query({ client: trx }).where('user_id', actor.id).forUpdate().first()
    if (existing) throw new AlreadyAppliedError()
    const expert = await Expert.create({ ...input, userId: actor.id, status: 'pending' }, { client: trx })
    if (photo) {
      expert.photoId = await storeProfilePhoto(trx, expert, actor, photo)
      await expert.save()
    }
    await audit(trx, {
      actor,
      action: 'expert.apply',
      subjectType: PROFILE_SUBJECT,
      subjectId: expert.id,
      countyCode: expert.countyCode,
      ip,
    })
    return expert
  })
}

/**
 * The expert edits their own profile. Returns whether it went back to review: a
 * rejected profile always does (editing it is resubmitting), a verified one when a
 * REVERIFY_FIELDS value changed.
 */
export async function updateExpertProfile({ actor, ip }: Actor, expert: Expert, input: ProfileInput, photo: UploadedFile | null) {
  let replacedPhotoId: number | null = null
  const backToReview = await db.transaction(async (trx) => {
    expert.useTransaction(trx)
    const vouchedFor = () => JSON.stringify(REVERIFY_FIELDS.map((field) => expert[field]))
    const before = vouchedFor()
    expert.merge(input)
    const reverify = expert.status === 'rejected' || (expert.status === 'verified' && vouchedFor() !== before)
    if (reverify) expert.merge({ status: 'pending', rejectionReason: null })
    if (photo) {
      replacedPhotoId = expert.photoId
      expert.photoId = await storeProfilePhoto(trx, expert, actor, photo)
    }
    const changes = changesOf(expert, ['organization', 'title', 'level', 'countyCode', 'industries', 'specialties', 'bio', 'photoId', 'status'])
    await expert.save()
    if (changes) {
      await audit(trx, { actor, action: 'expert.profile_update', subjectType: PROFILE_SUBJECT, subjectId: expert.id, countyCode: expert.countyCode, ip, changes })
    }
    await indexExpert(trx, expert)
    return reverify
  })
  if (replacedPhotoId) {
    const old = await Media.find(replacedPhotoId)
    if (old) await deleteMedia(old)
  }
  return backToReview
}

export interface AvailabilityInput {
  availability: 'on_duty' | 'away'
  awayUntil: Date | null
  maxOpenCases: number
}

/** On duty, or away through a date (today or later, within a year); and the open-case maximum. */
export async function setAvailability(expert: Expert, input: AvailabilityInput) {
  let awayUntil: DateTime | null = null
  if (input.availability === 'away' && input.awayUntil) {
    // VineJS parsed the calendar date at local midnight; read it back as that date in Beijing.
    awayUntil = DateTime.fromJSDate(input.awayUntil).setZone(BEIJING, { keepLocalTime: true }).startOf('day')
    const day = awayUntil.toISODate()!
    if (day < todayIso()) throw new RuleError('experts.profiles.errors.away_in_past', 'away_until')
    if (day > today().plus({ days: MAX_AWAY_DAYS }).toISODate()!) throw new RuleError('experts.profiles.errors.away_too_far', 'away_until')
  }
  // Away is on duty with an end date (triage skips it through that day and no longer after).
  expert.merge({ onDuty: true, awayUntil, maxOpenCases: input.maxOpenCases })
  await expert.save()
}

const EXPERT_APPLICATIONS: ApplicationKind<Expert> = { model: Expert, subjectType: PROFILE_SUBJECT, auditName: 'expert' }

/** Centre staff verify a pending profile: the person becomes an expert, is told so and can be found. */
export async function verifyExpert(acting: Actor, actorRole: string, expertId: number) {
  return decideApplication(EXPERT_APPLICATIONS, acting, actorRole, expertId, { outcome: 'verified' }, async (trx, expert) => {
    await grantApplicantRole(trx, acting, actorRole, expert, { role: 'expert', scope: null })
    await indexExpert(trx, expert)
    return { kind: 'experts.profile_verified', title: zh('notice.verified_title'), body: zh('notice.verified_body'), link: `/experts/${expert.id}` }
  })
}

/** Centre staff reject a pending profile with a reason the applicant reads. */
export async function rejectExpert(acting: Actor, actorRole: string, expertId: number, reason: string) {
  return decideApplication(EXPERT_APPLICATIONS, acting, actorRole, expertId, { outcome: 'rejected', reason }, async (trx, expert) => {
    await indexExpert(trx, expert)
    return { kind: 'experts.profile_rejected', title: zh('notice.rejected_title'), body: reason, link: '/experts/me' }
  })
}

/**
 * Keeps what the public sees of a profile in step with it. Verified profiles are
 * public documents of 找专家 (name, organisation, title, specialties, bio, region and
 * industry names, so "大邑 水稻" finds them), tagged with every industry and the
 * level, and their photo is public; any other status has no entry, and its photo is
 * private (the applicant and the reviewers of the county still see it).
 */
export async function indexExpert(trx: TransactionClientContract, expert: Expert) {
  if (expert.photoId) {
    await setMediaVisibility(trx, expert.photoId, expert.status === 'verified' ? 'public' : 'private')
  }
  if (expert.status !== 'verified') {
    await removeDocument(EXPERT_SOURCE, String(expert.id), trx)
    return
  }
  const user = await expert.related('user').query().useTransaction(trx).firstOrFail()
  const names = await industryNames()
  const text = [
    user.name,
    expert.organization,
    expert.title,
    expert.specialties,
    expert.bio,
    await regionDirectory.fullName(expert.countyCode),
    expert.industries.map((code) => names.get(code)).join(' '),
  ]
    .filter(Boolean)
    .join('\n')
  await upsertDocument(
    {
      sourceType: EXPERT_SOURCE,
      sourceId: String(expert.id),
      industry: expert.industries[0],
      county: expert.countyCode,
      text,
      public: true,
      tags: [`level:${expert.level}`, ...expert.industries.map((code) => `industry:${code}`)],
    },
    trx
  )
}

const zh = (key: string) => i18nManager.locale('zh-CN').t(`experts.profiles.${key}`)

async function storeProfilePhoto(trx: TransactionClientContract, expert: Expert, owner: User, photo: UploadedFile) {
  // Private until the profile is verified (indexExpert publishes it with the profile).
  const media = await storePhoto(photo, {
    owner,
    visibility: 'private',
    countyCode: expert.countyCode,
    subject: { type: PROFILE_SUBJECT, id: expert.id },
    client: trx,
  })
  return media.id
}

/** The 'expert' role (it carries no scope), unless the person holds it already. */
