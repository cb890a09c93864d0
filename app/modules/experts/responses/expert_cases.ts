import type { DateTime } from 'luxon'
import { clock } from '#core/clock'
import type Media from '#core/media/media'
import type User from '#core/accounts/models/user'
import { SCOPED_ROLES } from '#core/accounts/roles'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import { industryNames } from '#core/industries/industry_directory'
import type { CaseViewer } from '#modules/experts/shared/consultation_access'
import { canPostMessage, caseMedia, loadConversation, type MediaUrl, type MessageView } from '#modules/experts/conversation/conversation_view'

/** Time left before a deadline, in whole minutes (negative once it has passed). */
export interface TimeLeft {
  minutes: number
  overdue: boolean
  hours: number
  rest: number
}

function timeLeft(due: DateTime | null, now = clock.now()): TimeLeft | null {
  if (!due) return null
  const ms = due.toMillis() - now.getTime()
  // Whole minutes either way: "5 分" left or over, never an extra minute from rounding down.
  const minutes = Math.trunc(ms / 60_000)
  const abs = Math.abs(minutes)
  return { minutes, overdue: ms < 0, hours: Math.floor(abs / 60), rest: abs % 60 }
}

/** The deadline that matters now: triage while waiting, the response while nobody answered yet. */
export function currentDeadline(consultation: Consultation, now = clock.now()) {
  if (consultation.state === 'awaiting_triage') return { kind: 'triage' as const, left: timeLeft(consultation.triageDueAt, now) }
  if (consultation.state === 'assigned' && !consultation.firstResponseAt) {
    return { kind: 'response' as const, left: timeLeft(consultation.responseDueAt, now) }
  }
  return null
}

/** An industry's Chinese name (川粮油…). */
export async function industryName(code: string) {
  return (await industryNames()).get(code) ?? code
}

/** Media URLs under the link's media route (mediaBase: /l/:id/:token). */
export function expertMediaUrl(mediaBase: string): MediaUrl {
  return (item, variant) => `${mediaBase}/media/${item.publicId}/${variant}`
}

/** The expert as a viewer of the conversation (app/modules/experts/conversation/conversation_view.ts). */
export function expertViewer(expert: Expert): CaseViewer {
  return { userId: Number(expert.userId), side: 'expert', reviewer: false }
}

export interface ExpertCaseView {
  consultation: Consultation
  industry: string
  county: string
  photos: Media[]
  video: Media | null
  messages: MessageView[]
  /** Plain messages are open (once answered); before that the expert answers or asks. */
  canPost: boolean
  deadline: ReturnType<typeof currentDeadline>
  /** Where the case's forms post: /l/:id/:token or /expert/cases/:id. */
  actionBase: string
  mediaUrl: MediaUrl
}

/** Everything the expert's case page shows: the problem, its photos, the exchange so far, the clock. */
export async function expertCaseView(consultation: Consultation, expert: Expert, actionBase: string, mediaBase: string): Promise<ExpertCaseView> {
  const viewer = expertViewer(expert)
  const [media, messages, canPost] = await Promise.all([
    caseMedia(consultation),
    loadConversation(consultation, viewer),
    canPostMessage(consultation, viewer),
  ])
  return {
    consultation,
    industry: await industryName(consultation.industryCode),
    county: await regionDirectory.fullName(consultation.countyCode),
    photos: media.filter((item) => item.kind === 'photo'),
    video: media.find((item) => item.kind === 'video') ?? null,
    messages,
    canPost,
    deadline: currentDeadline(consultation),
    actionBase,
    mediaUrl: expertMediaUrl(mediaBase),
  }
}

/** The expert profile of a signed-in person (null for everyone else). */
export function expertOf(userId: number) {
  return Expert.query().where('user_id', userId).first()
}

/** What 我的案件 lists. */
export const MY_CASES_STATES = ['assigned', 'answering'] as const
export const PER_PAGE = 20

/** "我的案件": the expert's open cases, the one closest to its deadline first. */
export function myCases(expert: Expert, page: number) {
  return Consultation.query()
    .where('expert_id', expert.id)
    .whereIn('state', [...MY_CASES_STATES])
    .orderByRaw("CASE WHEN state = 'assigned' AND first_response_at IS NULL THEN 0 ELSE 1 END")
    .orderByRaw('response_due_at ASC NULLS LAST')
    .orderBy('id', 'desc')
    .paginate(page, PER_PAGE)
}

/** What 分诊台 lists. */
export const BOARD_STATES = ['awaiting_triage', 'assigned'] as const

/**
 * The triage board: cases of the scopes waiting for an expert or for the assigned
 * expert's first word, the most urgent first (an accepted case has no clock left).
 */
/** 分诊台's badge: the cases of the centre's scopes waiting for an expert. */
export async function awaitingTriageCount(user: User) {
  const scopes = await user.scopesFor(...SCOPED_ROLES)
  if (!scopes.length) return 0
  const [row] = await RegionScope.constrain(Consultation.query().where('state', 'awaiting_triage'), scopes).count('* as n')
  return Number(row.$extras.n)
}

export function boardCases(scopes: RegionScope[], page: number) {
  const query = Consultation.query()
    .whereIn('state', [...BOARD_STATES])
    .preload('expert', (expert) => expert.preload('user'))
    .orderByRaw(
      "CASE WHEN state = 'awaiting_triage' THEN triage_due_at WHEN first_response_at IS NULL THEN response_due_at ELSE 'infinity'::timestamptz END ASC"
    )
    .orderBy('id')
  return RegionScope.constrain(query, scopes).paginate(page, PER_PAGE)
}
