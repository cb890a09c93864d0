import { DateTime } from 'luxon'
import { RuleError } from '#core/http/rule_error'
import i18nManager from '@adonisjs/i18n/services/main'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { beijingTime, clock, todayIso } from '#core/clock'
import { dispatch } from '#core/jobs/dispatch'
import { notify } from '#core/notifications/notification_service'
import { RegionScope } from '#core/regions/region_scope'
import type Consultation from '#modules/experts/models/consultation'
import Expert from '#modules/experts/models/expert'
import ConsultationEvent from '#modules/experts/models/consultation_event'
import { RESPONSE_WINDOW_MS, TRIAGE_WINDOW_MS, type TriageLevel } from '#modules/experts/shared/consultation_states'
import { lockConsultation, recordEvent, recordTransition } from '#modules/experts/shared/transition'
import { availabilityOf } from '#modules/experts/profiles/profile_queries'
import { narrowestStaffOf } from '#core/accounts/role_grants'

/** Queued by enterTriage in its transaction; runs assignExpert. */
export const TRIAGE_JOB = 'experts.triage'
/** Queued by every assignment in its transaction: the SMS with the expert's link. */
export const ASSIGNMENT_SMS_JOB = 'experts.assignment_sms'

/** The rings of experts triage looks through, nearest first (DESIGN §4). */
export type Stage = 'county' | 'city' | 'province'
const STAGES: readonly Stage[] = ['county', 'city', 'province']

/** Events that take an expert out of a case's candidates for good. */
const EXCLUDING_EVENTS = ['declined', 'response_missed'] as const

/** Centre staff who triage by hand; the narrowest centre covering the county is told. */
const CENTRE_ROLES = ['center_staff', 'center_admin'] as const

/** Event reasons are stored once, in Chinese, for the case history and the statistics. */
const zh = () => i18nManager.locale('zh-CN')

/** One level up: county → city → province → centre (the top stays the top). */
export function nextLevel(level: TriageLevel | null): TriageLevel {
  const order: TriageLevel[] = ['county', 'city', 'province', 'center']
  return order[Math.min(order.indexOf(level ?? 'county') + 1, order.length - 1)]
}

type ExpertQuery = ModelQueryBuilderContract<typeof Expert, Expert>

/** Verified experts of the case's industry (any ring, any availability). */
function ofIndustry(query: ExpertQuery, consultation: Consultation) {
  return query.where('status', 'verified').whereRaw('industries @> ARRAY[?]::text[]', [consultation.industryCode])
}

/** Experts in one ring around the case's county. */
function inRing(query: ExpertQuery, consultation: Consultation, stage: Stage) {
  if (stage === 'county') return query.where('level', 'county').where('county_code', consultation.countyCode)
  if (stage === 'city') return RegionScope.constrain(query, [RegionScope.fromRegionCode(consultation.countyCode).city])
  return query.where('level', 'province')
}

/** Verified experts of the case's industry in one ring (any availability). */
function ring(query: ExpertQuery, consultation: Consultation, stage: Stage) {
  return inRing(ofIndustry(query, consultation), consultation, stage)
}

/** Who can take a case now: on duty, not away, below their maximum, not out of this case. */
function available(query: ExpertQuery, day: string, excluded: number[]) {
  query.where('on_duty', true).where((away) => away.whereNull('away_until').orWhere('away_until', '<', day))
  query.whereRaw('open_cases < max_open_cases')
  if (excluded.length) query.whereNotIn('id', excluded)
  return query
}

/** Least open load first, then the longest idle (never assigned before anyone), then the oldest profile. */
function byFairness(query: ExpertQuery) {
  return query.orderBy('open_cases', 'asc').orderByRaw('last_assigned_at ASC NULLS FIRST').orderBy('id', 'asc')
}

export interface RingStats {
  stage: Stage
  total: number
  away: number
  full: number
  excluded: number
}

export interface Pick {
  expert: Expert
  /** The ring the expert was found in, or 'addressed' for the expert the reporter asked. */
  stage: Stage | 'addressed'
  /** Rings searched before this one, and why nobody there could take it. */
  passed: RingStats[]
}

async function ringStats(client: QueryClientContract, consultation: Consultation, stage: Stage, day: string, excluded: number[]) {
  const row = await ring(Expert.query({ client }), consultation, stage)
    .select(
      client.raw('count(*)::int AS total'),
      client.raw('count(*) FILTER (WHERE NOT on_duty OR away_until >= ?)::int AS away', [day]),
      client.raw('count(*) FILTER (WHERE on_duty AND (away_until IS NULL OR away_until < ?) AND open_cases >= max_open_cases)::int AS full', [day]),
      client.raw('count(*) FILTER (WHERE id = ANY(?::bigint[]))::int AS excluded', [excluded])
    )
    .pojo<{ total: number; away: number; full: number; excluded: number }>()
    .firstOrFail()
  return { stage, ...row }
}

/** Experts who declined or missed this case: never asked again. */
async function excludedExperts(client: QueryClientContract, consultationId: number): Promise<number[]> {
  const rows = await ConsultationEvent.query({ client })
    .where('consultation_id', consultationId)
    .whereIn('kind', [...EXCLUDING_EVENTS])
    .whereNotNull('expert_id')
    .distinct('expert_id')
  return rows.map((row) => Number(row.expertId))
}

/**
 * The best expert for a case: the expert the reporter addressed when available,
 * else ring by ring (the case's county, its city, the province) the fairest
 * available expert of its industry. Null when nobody in any ring can take it.
 */
export async function findCandidate(
  client: QueryClientContract,
  consultation: Consultation,
  options: { excluded?: number[] } = {}
): Promise<Pick | null> {
  const day = todayIso()
  const excluded = options.excluded ?? []
  if (consultation.addressedExpertId && !excluded.includes(Number(consultation.addressedExpertId))) {
    const addressed = await available(Expert.query({ client }), day, excluded)
      .where('id', consultation.addressedExpertId)
      .where('status', 'verified')
      .first()
    if (addressed) return { expert: addressed, stage: 'addressed', passed: [] }
  }
  const passed: RingStats[] = []
  for (const stage of STAGES) {
    const expert = await byFairness(available(ring(Expert.query({ client }), consultation, stage), day, excluded)).first()
    if (expert) return { expert, stage, passed }
    passed.push(await ringStats(client, consultation, stage, day, excluded))
  }
  return null
}

/** How many experts the centre's picker offers: the best of each ring come first anyway. */
const PICKER_SIZE = 20

/**
 * Experts a centre may choose by hand for a case: verified, of its industry,
 * available, in any ring, nearest ring first and fairest first within it. Each
 * carries its person's name as `$extras.name` (one query, no second round trip).
 */
export function reachableExperts(client: QueryClientContract, consultation: Consultation, options: { limit?: number } = {}) {
  const city = RegionScope.fromRegionCode(consultation.countyCode).city
  const query = ofIndustry(available(Expert.query({ client }), todayIso(), consultation.expertId ? [Number(consultation.expertId)] : []), consultation)
    .where((reach) => {
      for (const stage of STAGES) reach.orWhere((inStage) => inRing(inStage, consultation, stage))
    })
    .select('experts_profiles.*', client.raw('(SELECT name FROM users WHERE users.id = experts_profiles.user_id) AS name'))
    .orderByRaw("CASE WHEN level = 'county' AND county_code = ? THEN 0 WHEN county_code LIKE ? THEN 1 ELSE 2 END", [
      consultation.countyCode,
      `${city.prefix}%`,
    ])
  return byFairness(query).limit(options.limit ?? PICKER_SIZE)
}

function ringLabel(stage: Stage) {
  return zh().t(`experts.triage.stages.${stage}`)
}

/** "县级专家，同产业，当前3件", preceded by why nearer rings could not take it. */
function pickReason(pick: Pick) {
  const i18n = zh()
  const passed = pick.passed.map((stats) =>
    i18n.t('experts.triage.reasons.ring_unavailable', { ring: ringLabel(stats.stage), ...stats })
  )
  const chosen =
    pick.stage === 'addressed'
      ? i18n.t('experts.triage.reasons.addressed', { load: pick.expert.openCases })
      : i18n.t(`experts.triage.reasons.${pick.stage}`, { level: i18n.t(`experts.triage.levels.${pick.expert.level}`), load: pick.expert.openCases })
  return [...passed, chosen].join('；')
}

export interface AssignmentEvent {
  /** 'assigned' for a first assignment, 'reassigned' when another expert had it. */
  kind: string
  actor?: { id: number } | null
  actorRole?: string | null
  reason: string
}

/** Locks the expert's row and takes one of their places, unless someone took the last one meanwhile. */
async function takePlace(trx: TransactionClientContract, expertId: number, now: Date) {
  const expert = await Expert.query({ client: trx }).where('id', expertId).forUpdate().first()
  if (!expert || expert.status !== 'verified' || availabilityOf(expert) !== 'on_duty') return null
  expert.useTransaction(trx)
  expert.openCases += 1
  expert.lastAssignedAt = DateTime.fromJSDate(now)
  await expert.save()
  return expert
}

/** Gives back the place a case held in an expert's load (declined, missed, reassigned). */
export async function releasePlace(trx: TransactionClientContract, expertId: number | null) {
  if (!expertId) return
  await trx.from('experts_profiles').where('id', expertId).update({ open_cases: trx.raw('GREATEST(open_cases - 1, 0)') })
}

/**
 * Puts the case in the expert's hands: their load and the case change in the
 * caller's transaction (both rows locked), the expert is told in the site at once
 * and by SMS through a job that exists only if this commits. Returns null when the
 * expert can no longer take it (full or away since they were chosen).
 */
export async function assignTo(
  trx: TransactionClientContract,
  consultation: Consultation,
  expertId: number,
  event: AssignmentEvent,
  level: TriageLevel
) {
  const now = clock.now()
  const expert = await takePlace(trx, expertId, now)
  if (!expert) return null
  const at = DateTime.fromJSDate(now)
  const recorded = await recordTransition(
    trx,
    consultation,
    'assigned',
    { kind: event.kind, actor: event.actor, actorRole: event.actorRole, expertId: expert.id, reason: event.reason },
    {
      expertId: expert.id,
      assignedAt: at,
      responseDueAt: at.plus({ milliseconds: RESPONSE_WINDOW_MS }),
      // The current assignee's first response: a new expert starts without one.
      firstResponseAt: null,
      triageLevel: level,
    }
  )
  const i18n = zh()
  await notify(
    expert.userId,
    { kind: 'experts.case_assigned', title: i18n.t('experts.triage.notify.assigned_title'), body: consultation.text.slice(0, 80), link: `/expert/cases/${consultation.id}` },
    { client: trx }
  )
  await dispatch(
    ASSIGNMENT_SMS_JOB,
    // bigint ids come back from pg as strings: the payload carries numbers.
    { consultationId: Number(consultation.id), expertId: Number(expert.id), eventId: Number(recorded.id) },
    { client: trx, singletonKey: `assignment:${recorded.id}` }
  )
  return expert
}

/** Tells the staff of the narrowest operation centre covering the case's county (county, else city, else province). */
export async function notifyCentre(trx: TransactionClientContract, consultation: Consultation, title: string, body: string) {
  const userIds = await narrowestStaffOf(consultation.countyCode, CENTRE_ROLES, { client: trx })
  for (const userId of userIds) {
    await notify(userId, { kind: 'experts.triage_needed', title, body, link: `/triage/${consultation.id}` }, { client: trx })
  }
  return userIds.length
}

/** The ring an expert belongs to, seen from a case. */
function stageOf(expert: Expert, consultation: Consultation): TriageLevel {
  if (expert.level === 'county' && expert.countyCode === consultation.countyCode) return 'county'
  if (RegionScope.fromRegionCode(consultation.countyCode).city.contains(expert.countyCode)) return 'city'
  return 'province'
}

export type TriageOutcome = { assigned: Expert; stage: Pick['stage'] } | { assigned: null }

/**
 * Looks for the next expert and assigns the case (awaiting triage, or assigned to
 * someone who declined or missed it). Nobody anywhere: the case waits for the centre
 * (triage level 'center', staff told, a fresh 1-hour deadline when it came back from an expert).
 */
export async function triage(
  trx: TransactionClientContract,
  consultation: Consultation,
  event: Omit<AssignmentEvent, 'reason'> & { reasonPrefix?: string; keepLevel?: boolean }
): Promise<TriageOutcome> {
  const excluded = await excludedExperts(trx, consultation.id)
  // A place may be taken between choosing and locking; the next pick then goes elsewhere.
  for (let attempt = 0; attempt < 5; attempt++) {
    const pick = await findCandidate(trx, consultation, { excluded })
    if (!pick) break
    const reason = [event.reasonPrefix, pickReason(pick)].filter(Boolean).join('；')
    const level: TriageLevel = pick.stage === 'addressed' ? stageOf(pick.expert, consultation) : pick.stage
    const expert = await assignTo(trx, consultation, pick.expert.id, { ...event, reason }, level)
    if (expert) return { assigned: expert, stage: pick.stage }
    excluded.push(pick.expert.id)
  }
  if (event.keepLevel && consultation.state === 'awaiting_triage') {
    const key = consultation.triageLevel === 'center' ? 'no_candidate_still' : 'no_candidate_at_level'
    await recordEvent(trx, consultation, { kind: 'no_candidate', reason: zh().t(`experts.triage.reasons.${key}`) })
  } else {
    await waitForCentre(trx, consultation, event.reasonPrefix)
  }
  return { assigned: null }
}

async function waitForCentre(trx: TransactionClientContract, consultation: Consultation, reasonPrefix?: string) {
  const i18n = zh()
  const reason = [reasonPrefix, i18n.t('experts.triage.reasons.no_candidate')].filter(Boolean).join('；')
  if (consultation.state === 'awaiting_triage') {
    consultation.useTransaction(trx)
    consultation.triageLevel = 'center'
    await consultation.save()
    await recordEvent(trx, consultation, { kind: 'no_candidate', reason })
  } else {
    const now = DateTime.fromJSDate(clock.now())
    await recordTransition(
      trx,
      consultation,
      'awaiting_triage',
      { kind: 'no_candidate', reason },
      { expertId: null, assignedAt: null, responseDueAt: null, firstResponseAt: null, triageLevel: 'center', triageDueAt: now.plus({ milliseconds: TRIAGE_WINDOW_MS }) }
    )
  }
  await notifyCentre(trx, consultation, i18n.t('experts.triage.notify.centre_title'), consultation.text.slice(0, 80))
}

/**
 * Automatic triage of a case that entered triage (the experts.triage job). Safe to
 * run twice: a case already assigned, or already left to the centre, is not touched.
 */
export async function assignExpert(trx: TransactionClientContract, consultationId: number): Promise<TriageOutcome | null> {
  const consultation = await lockConsultation(trx, consultationId)
  if (!consultation || consultation.state !== 'awaiting_triage' || consultation.moderation !== 'pass') return null
  if (consultation.triageLevel === 'center') return null
  // The job ran after the case's triage hour (the worker was down): the miss is recorded
  // and the centre told, as the sweep would have done on time, before the case is assigned.
  const now = clock.now()
  if (consultation.triageDueAt && consultation.triageDueAt.toMillis() <= now.getTime()) return escalateTriage(trx, consultation, now)
  return triage(trx, consultation, { kind: 'assigned' })
}

/** A deadline found this long after it passed was missed while nothing ran: its record says so. */
export const FOUND_LATE_MS = 5 * 60_000

/** ", due 05-01 10:00, found 240 minutes late…" when a deadline is found well after it passed; else ''. */
export function foundLateNote(due: DateTime, now: Date) {
  const late = now.getTime() - due.toMillis()
  if (late < FOUND_LATE_MS) return ''
  return zh().t('experts.triage.reasons.found_late', { due: beijingTime(due, 'MM-dd HH:mm'), minutes: Math.floor(late / 60_000) })
}

/**
 * Nobody took the case within its triage hour: one level up, the triage_escalated
 * event, the centre is told, assignment is tried again, and the next check is an hour
 * away. However late the miss is found (the sweep on time, or the triage job or the
 * sweep after the worker was down), it is recorded the same way. The retry looks
 * through every ring, nearest first, like the first triage did: a county expert who
 * came back meanwhile is still better placed than one further away.
 */
export async function escalateTriage(trx: TransactionClientContract, consultation: Consultation, now: Date): Promise<TriageOutcome> {
  const i18n = zh()
  const level = nextLevel(consultation.triageLevel)
  const late = consultation.triageDueAt ? foundLateNote(consultation.triageDueAt, now) : ''
  const reason = i18n.t('experts.triage.reasons.escalated', { level: i18n.t(`experts.triage.escalation_levels.${level}`) }) + late
  consultation.useTransaction(trx)
  consultation.merge({ triageLevel: level, triageDueAt: DateTime.fromJSDate(now).plus({ milliseconds: TRIAGE_WINDOW_MS }) })
  await consultation.save()
  await recordEvent(trx, consultation, { kind: 'triage_escalated', reason })
  await notifyCentre(trx, consultation, i18n.t('experts.triage.notify.escalated_title'), consultation.text.slice(0, 80))
  // The centre was just told; with nobody at this level either, the case climbs again in an hour.
  return triage(trx, consultation, { kind: 'assigned', reasonPrefix: reason, keepLevel: true })
}

/**
 * The current expert is out (declined, missed the deadline, or replaced by the
 * centre): their place is given back and the next candidate gets the case.
 */
export async function reassign(
  trx: TransactionClientContract,
  consultation: Consultation,
  event: { actor?: { id: number } | null; actorRole?: string | null; reasonPrefix?: string }
) {
  await releasePlace(trx, consultation.expertId)
  return triage(trx, consultation, { kind: 'reassigned', ...event })
}

/**
 * The centre assigns (or reassigns) a case by hand, with a reason that goes into its
 * history. Only an expert the picker offers (reachableExperts) can be chosen.
 */
export async function assignByCentre(
  trx: TransactionClientContract,
  consultationId: number,
  expertId: number,
  actor: { id: number },
  actorRole: string,
  reason: string
) {
  const consultation = await lockConsultation(trx, consultationId)
  if (!consultation || (consultation.state !== 'awaiting_triage' && consultation.state !== 'assigned')) {
    throw new RuleError('experts.triage.errors.not_assignable', 'expert_id')
  }
  if (Number(consultation.expertId) === expertId) throw new RuleError('experts.triage.errors.same_expert', 'expert_id')
  const chosen = await reachableExperts(trx, consultation).where('id', expertId).first()
  if (!chosen) throw new RuleError('experts.triage.errors.expert_unreachable', 'expert_id')
  const kind = consultation.state === 'assigned' ? 'reassigned' : 'assigned'
  if (kind === 'reassigned') await releasePlace(trx, consultation.expertId)
  const expert = await assignTo(
    trx,
    consultation,
    chosen.id,
    { kind, actor, actorRole, reason: zh().t('experts.triage.reasons.manual', { reason }) },
    stageOf(chosen, consultation)
  )
  if (!expert) throw new RuleError('experts.triage.errors.expert_unavailable', 'expert_id')
  return { consultation, expert: chosen }
}
