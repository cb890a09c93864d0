import type { DateTime } from 'luxon'
import { SUBMITTED_IDLE_MS } from '#modules/experts/shared/consultation_states'
import type { I18n } from '@adonisjs/i18n'
import { clock, HOUR, MINUTE } from '#core/clock'
import type Media from '#core/media/media'
import regionDirectory from '#core/regions/region_directory'
import User from '#core/accounts/models/user'
import type { SimilarDocument } from '#core/text/documents'
import { suggestionsFor } from '#modules/experts/similar/suggestions'
import type Consultation from '#modules/experts/models/consultation'
import ConsultationEvent from '#modules/experts/models/consultation_event'
import Expert from '#modules/experts/models/expert'
import type { CaseViewer } from '#modules/experts/shared/consultation_access'
import { industryNames } from '#core/industries/industry_directory'
import { sellersPath } from '#modules/supply/public'
import { canPostMessage, caseMedia, loadConversation, type MediaUrl, type MessageView } from '#modules/experts/conversation/conversation_view'
import { findVillage } from '#core/regions/villages'


export interface TimelineEntry {
  label: string
  at: DateTime
  reason: string | null
}

/** Reasons the reporter's side reads in the timeline; staff read every reason. */
const PUBLIC_REASONS = new Set(['moderation_rejected', 'closed', 'auto_closed'])

/** "1 小时" / "25 分钟": how long until a deadline, rounded up so "within" stays true. */
export function durationInWords(ms: number, i18n: I18n) {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE))
  if (minutes < 60) return i18n.t('experts.consultations.duration.minutes', { n: minutes })
  return i18n.t('experts.consultations.duration.hours', { n: Math.ceil(ms / HOUR) })
}

/**
 * The one sentence that tells the reporter where the case stands and what happens
 * next, with the deadline in words ("预计1小时内安排专家").
 */
export function statusInWords(consultation: Consultation, i18n: I18n, now = clock.now()) {
  const t = (key: string, data?: Record<string, unknown>) => i18n.t(`experts.consultations.status.${key}`, data)
  if (consultation.moderation === 'held') return t('held')
  if (consultation.moderation === 'rejected') return t('rejected')
  const left = (due: DateTime | null) => (due ? due.toMillis() - now.getTime() : 0)
  switch (consultation.state) {
    // Nobody has been asked yet: say what the reporter does next, not when an expert comes.
    case 'submitted':
      return t('submitted_next', { minutes: Math.round(SUBMITTED_IDLE_MS / MINUTE) })
    case 'awaiting_triage': {
      const ms = left(consultation.triageDueAt)
      return ms > 0 ? t('triage_within', { within: durationInWords(ms, i18n) }) : t('triage_overdue')
    }
    case 'assigned': {
      const ms = left(consultation.responseDueAt)
      if (ms <= 0) return t('response_overdue')
      return t(consultation.firstResponseAt ? 'accepted_within' : 'response_within', { within: durationInWords(ms, i18n) })
    }
    default:
      return t(consultation.state)
  }
}

export async function timeline(consultation: Consultation, viewer: CaseViewer, i18n: I18n): Promise<TimelineEntry[]> {
  const events = await ConsultationEvent.query().where('consultation_id', consultation.id).orderBy('id')
  return events.map((event) => {
    const key = `experts.consultations.events.${event.kind}`
    const known = i18n.hasMessage(key) || i18n.hasFallbackMessage(key)
    return {
      label: known ? i18n.t(key) : i18n.t(`experts.consultations.states.${event.toState ?? consultation.state}`),
      at: event.createdAt,
      reason: viewer.side === 'staff' || PUBLIC_REASONS.has(event.kind) ? event.reason : null,
    }
  })
}

/** The expert now responsible, as the reporter sees them: name, organisation, title. */
async function assignedExpert(consultation: Consultation) {
  if (!consultation.expertId) return null
  const expert = await Expert.find(consultation.expertId)
  if (!expert) return null
  const user = await User.find(expert.userId)
  return { name: user?.name ?? '', organization: expert.organization, title: expert.title }
}

/** Similar solved cases, offered while the reporter can still say one solved the problem. */
function similarFor(consultation: Consultation): Promise<SimilarDocument[]> {
  if (consultation.state !== 'submitted') return Promise.resolve([])
  return suggestionsFor(consultation.text, { industry: consultation.industryCode, county: consultation.countyCode })
}

export interface CasePageData {
  consultation: Consultation
  viewer: CaseViewer
  industryName: string
  industryNames: Record<string, string>
  countyName: string
  /** The reporting 信息员's village (township and village), when a verified officer reported it. */
  villageName: string | null
  stateLabel: string
  status: string
  photos: Media[]
  video: Media | null
  timeline: TimelineEntry[]
  messages: MessageView[]
  canPost: boolean
  similarCases: SimilarDocument[]
  /** The reporter may still choose a similar case or ask for an expert. */
  canDecide: boolean
  expert: { name: string; organization: string; title: string } | null
  mediaUrl: MediaUrl
  /** Once an expert has answered: 供销对接's 农资 sellers of the case's industry and county (the seed, fertiliser or pesticide the answer names). */
  materialsUrl: string | null
}

/** Everything the case page shows, for the reporter's page, the farmer's link page and staff. */
export async function casePageData(consultation: Consultation, viewer: CaseViewer, i18n: I18n, mediaUrl: MediaUrl): Promise<CasePageData> {
  const [names, countyName, media, entries, messages, canPost, similarCases, expert] = await Promise.all([
    industryNames(),
    regionDirectory.fullName(consultation.countyCode),
    caseMedia(consultation),
    timeline(consultation, viewer, i18n),
    loadConversation(consultation, viewer),
    canPostMessage(consultation, viewer),
    viewer.side === 'reporter' ? similarFor(consultation) : Promise.resolve([]),
    assignedExpert(consultation),
  ])
  return {
    consultation,
    viewer,
    industryName: names.get(consultation.industryCode) ?? consultation.industryCode,
    industryNames: Object.fromEntries(names),
    countyName,
    villageName: await villageNameOf(consultation.villageCode),
    stateLabel: i18n.t(`experts.consultations.states.${consultation.state}`),
    status: statusInWords(consultation, i18n),
    photos: media.filter((item) => item.kind === 'photo'),
    video: media.find((item) => item.kind === 'video') ?? null,
    timeline: entries,
    messages,
    canPost,
    similarCases,
    canDecide: viewer.side === 'reporter' && viewer.userId !== null && consultation.state === 'submitted',
    expert,
    mediaUrl,
    materialsUrl:
      consultation.firstResponseAt || consultation.answeredAt
        ? sellersPath({ industry: consultation.industryCode, countyCode: consultation.countyCode, kind: 'materials' })
        : null,
  }
}

async function villageNameOf(code: string | null) {
  const village = await findVillage(code)
  return village ? `${village.township} ${village.name}` : null
}
