import i18nManager from '@adonisjs/i18n/services/main'
import { DAY, HOUR, MINUTE, beijingTime } from '#core/clock'
import type { IndustryCode } from '#core/text/lexicon'
import { RESPONSE_WINDOW_MS, SUBMITTED_IDLE_MS, TRIAGE_WINDOW_MS } from '#modules/experts/public'
import type { Random } from '#database/factories/plan_scale/random'

/**
 * The live backlog of the plan-scale data (issue 11 §6): what the platform holds at
 * `until` on a busy spring day — cases in every open state, spread over the counties
 * by population, with the deadlines the app sets (TRIAGE_WINDOW_MS, RESPONSE_WINDOW_MS)
 * near and past, so that the triage board, 我的案件 and the case pages are measured
 * on full lists. Each case's history is the one the app's actions write on the way
 * to its state: the same events (kind, from/to state, actor, role, expert, reason in
 * the app's own words), messages, visit rows, load counts and notifications.
 *
 * The day: the spring season's mix of industries; experts in the fields answer late;
 * some cases find nobody free and wait for the centre, which is told and sees them
 * climb every hour; and the jobs worker has been stalled for the last WORKER_STALL_MS
 * (a deploy, a long export), so cases that entered triage meanwhile still wait for
 * their job, and deadlines that passed meanwhile were not enforced yet.
 */

/** The jobs worker ran nothing in the last 20 minutes before `until`: the sweep and the triage job wait. */
export const WORKER_STALL_MS = 20 * MINUTE
/** experts_profiles.max_open_cases as the generator writes it (the column's default). */
export const MAX_OPEN_CASES = 10
/** The backlog is this many times the arrivals of the season's busiest ordinary day (a day after spring rain). */
export const BUSY_DAY_SURGE = 2

/** Shares of the backlog by where each case stands at `until`. */
export const LIVE_KINDS = {
  /** submitted: the reporter is still reading the similar cases (or the stalled sweep has not moved it). */
  submitted: 0.04,
  /** awaiting_triage at county level: entered triage while the worker stalls, its job queued. */
  queued: 0.06,
  /** awaiting_triage at the centre: nobody free could take it; the centre is told, the sweep escalates hourly. */
  centre: 0.12,
  /** assigned, the expert's first word still due (some after another expert missed or declined). */
  waiting: 0.25,
  /** assigned, accepted or asked the reporter, not answered yet. */
  responded: 0.1,
  answering: 0.35,
  visit_requested: 0.04,
  visit_dispatched: 0.02,
  visited: 0.02,
} as const
export type LiveKind = keyof typeof LIVE_KINDS

/** One step of a case's life, at a time; `auto` steps are the worker's (job or sweep). */
type Step =
  | { at: number; step: 'enter'; bySweep: boolean }
  | { at: number; step: 'assign'; byCentre: boolean }
  | { at: number; step: 'miss' | 'decline'; then: 'reassign' | 'centre' }
  | { at: number; step: 'no_candidate' }
  | { at: number; step: 'escalate' }
  | { at: number; step: 'accept' | 'ask' | 'reply' | 'answer' }
  | { at: number; step: 'message'; by: 'reporter' | 'expert' }
  | { at: number; step: 'visit_request'; byExpert: boolean }
  | { at: number; step: 'visit_dispatch'; scheduledOn: number }
  | { at: number; step: 'visit_outcome' | 'visit_confirm' }

export interface LiveScript {
  kind: LiveKind
  created: number
  steps: Step[]
}

/** Steps the jobs worker takes (the triage job, the deadline sweep): none during the stall. */
function isAuto(step: Step) {
  return (
    (step.step === 'enter' && step.bySweep) ||
    (step.step === 'assign' && !step.byCentre) ||
    step.step === 'miss' ||
    step.step === 'no_candidate' ||
    step.step === 'escalate'
  )
}

/**
 * Draws when each backlog case was submitted and what happened to it since, working
 * back from where it stands at `until`; a draw that would break a rule of the app
 * (a worker step during the stall, a deadline the sweep would have enforced) is drawn again.
 */
export class LivePlanner {
  readonly #random: Random
  readonly #until: number
  readonly #kinds: [LiveKind, number][]

  constructor(random: Random, until: number) {
    this.#random = random
    this.#until = until
    this.#kinds = Object.entries(LIVE_KINDS) as [LiveKind, number][]
  }

  /** `count` scripts with the kinds in their shares (largest remainder), in no particular order. */
  plan(count: number): LiveScript[] {
    const scripts: LiveScript[] = []
    const exact = this.#kinds.map(([kind, share]) => [kind, share * count] as const)
    const counts = new Map(exact.map(([kind, value]) => [kind, Math.floor(value)]))
    let missing = count - [...counts.values()].reduce((sum, value) => sum + value, 0)
    for (const [kind] of [...exact].sort((a, b) => (b[1] % 1) - (a[1] % 1))) {
      if (missing-- <= 0) break
      counts.set(kind, counts.get(kind)! + 1)
    }
    for (const [kind, n] of counts) for (let i = 0; i < n; i++) scripts.push(this.#draw(kind))
    return scripts
  }

  #draw(kind: LiveKind): LiveScript {
    for (let attempt = 0; attempt < 50; attempt++) {
      const script = this.#build(kind)
      if (this.#valid(script)) return script
    }
    throw new Error(`plan-scale backlog: no valid ${kind} case in 50 draws`)
  }

  #valid({ created, steps }: LiveScript) {
    const stallStart = this.#until - WORKER_STALL_MS
    let previous = created
    for (const step of steps) {
      if (step.at < previous || step.at > this.#until) return false
      if (isAuto(step) && step.at > stallStart) return false
      previous = step.at
    }
    return true
  }

  #build(kind: LiveKind): LiveScript {
    const random = this.#random
    const until = this.#until
    const stallStart = until - WORKER_STALL_MS
    switch (kind) {
      case 'submitted':
        return { kind, created: until - random.int(0, SUBMITTED_IDLE_MS + WORKER_STALL_MS), steps: [] }
      case 'queued': {
        // The reporter's "没有解决" during the stall (the sweep's own entries are worker steps).
        const entered = until - random.int(0, WORKER_STALL_MS)
        return { kind, created: entered - this.#reporterDelay(), steps: [{ at: entered, step: 'enter', bySweep: false }] }
      }
      case 'centre': {
        if (random.chance(0.7)) {
          // The job found nobody; the sweep escalates every TRIAGE_WINDOW_MS since.
          const created = until - Math.min(Math.max(random.logNormal(2.5 * HOUR, 0.7), 30 * MINUTE), 12 * HOUR)
          const enter = this.#enter(created)
          const steps: Step[] = [enter, { at: this.#job(enter.at), step: 'no_candidate' }]
          return { kind, created, steps: [...steps, ...this.#escalations(created + TRIAGE_WINDOW_MS)] }
        }
        // The expert missed or declined, and nobody else was free.
        const created = until - Math.min(Math.max(random.logNormal(5 * HOUR, 0.6), RESPONSE_WINDOW_MS + 30 * MINUTE), 14 * HOUR)
        const enter = this.#enter(created)
        const assigned = this.#job(enter.at)
        const missed = random.chance(0.6)
        const ended = missed ? assigned + RESPONSE_WINDOW_MS + random.int(0, MINUTE) : assigned + this.#declineDelay()
        const steps: Step[] = [
          enter,
          { at: assigned, step: 'assign', byCentre: false },
          { at: ended, step: missed ? 'miss' : 'decline', then: 'centre' },
        ]
        return { kind, created, steps: [...steps, ...this.#escalations(ended + TRIAGE_WINDOW_MS)] }
      }
      case 'waiting': {
        const roll = random.next()
        if (roll < 0.1) {
          // The centre assigned it by hand after nobody could be found; the expert has not answered yet.
          const assigned = until - random.int(0, RESPONSE_WINDOW_MS)
          const found = assigned - Math.max(random.logNormal(1.5 * HOUR, 0.6), 10 * MINUTE)
          const enter = this.#enterBefore(found - this.#jobDelay())
          const created = enter.created
          const escalations = this.#escalations(created + TRIAGE_WINDOW_MS).filter((step) => step.at < assigned)
          return {
            kind,
            created,
            steps: [enter.step, { at: found, step: 'no_candidate' }, ...escalations, { at: assigned, step: 'assign', byCentre: true }],
          }
        }
        // Assigned by the job before the stall; the sweep would have taken it from the expert after RESPONSE_WINDOW_MS.
        const assigned = stallStart - random.int(0, RESPONSE_WINDOW_MS)
        return this.#assignedAt(kind, assigned, roll < 0.3 ? (random.chance(0.8) ? 1 : 2) : 0, [])
      }
      case 'responded': {
        const assigned = until - random.int(15 * MINUTE, 8 * HOUR)
        const first = assigned + this.#responseDelay()
        const asked = random.chance(0.3)
        const after: Step[] = [{ at: first, step: asked ? 'ask' : 'accept' }]
        if (asked && random.chance(0.5)) after.push({ at: first + random.logNormal(40 * MINUTE, 0.6), step: 'reply' })
        return this.#assignedAt(kind, assigned, random.chance(0.15) ? 1 : 0, after)
      }
      case 'answering': {
        const answered = until - random.int(10 * MINUTE, 20 * HOUR)
        const after: Step[] = []
        if (random.chance(0.4)) {
          const asked = answered + random.logNormal(3 * HOUR, 0.8)
          after.push({ at: asked, step: 'message', by: 'reporter' })
          if (random.chance(0.7)) after.push({ at: asked + random.logNormal(2 * HOUR, 0.8), step: 'message', by: 'expert' })
        }
        return this.#answeredAt(kind, answered, after.filter((step) => step.at <= until))
      }
      case 'visit_requested': {
        const requested = until - random.int(10 * MINUTE, 36 * HOUR)
        return this.#answeredAt(kind, requested - random.logNormal(6 * HOUR, 0.6), [
          { at: requested, step: 'visit_request', byExpert: random.chance(0.6) },
        ])
      }
      case 'visit_dispatched': {
        const dispatched = until - random.int(10 * MINUTE, 48 * HOUR)
        const requested = dispatched - random.logNormal(3 * HOUR, 0.6)
        return this.#answeredAt(kind, requested - random.logNormal(6 * HOUR, 0.6), [
          { at: requested, step: 'visit_request', byExpert: random.chance(0.6) },
          { at: dispatched, step: 'visit_dispatch', scheduledOn: dispatched + random.int(1, 3) * DAY },
        ])
      }
      case 'visited': {
        const visited = until - random.int(10 * MINUTE, 72 * HOUR)
        const scheduledOn = visited - random.int(1, 6) * HOUR
        const dispatched = scheduledOn - random.int(1, 3) * DAY
        const requested = dispatched - random.logNormal(3 * HOUR, 0.6)
        const steps: Step[] = [
          { at: requested, step: 'visit_request', byExpert: random.chance(0.6) },
          { at: dispatched, step: 'visit_dispatch', scheduledOn },
          { at: visited, step: 'visit_outcome' },
        ]
        const confirmed = visited + random.logNormal(DAY, 0.6)
        if (confirmed <= until && random.chance(0.4)) steps.push({ at: confirmed, step: 'visit_confirm' })
        return this.#answeredAt(kind, requested - random.logNormal(6 * HOUR, 0.6), steps)
      }
    }
  }

  /** Answered at `answered` (after an acceptance, or as the first word), then `after`. */
  #answeredAt(kind: LiveKind, answered: number, after: Step[]): LiveScript {
    const random = this.#random
    const accepted = random.chance(0.6)
    const first = accepted ? answered - random.logNormal(25 * MINUTE, 0.7) : answered
    const assigned = first - this.#responseDelay()
    const steps: Step[] = accepted ? [{ at: first, step: 'accept' }] : []
    return this.#assignedAt(kind, assigned, random.chance(0.1) ? 1 : 0, [...steps, { at: answered, step: 'answer' }, ...after])
  }

  /** The job assigned the first expert; `handoffs` of them missed or declined, each reassigning; the last holds it from `assigned`. */
  #assignedAt(kind: LiveKind, assigned: number, handoffs: number, after: Step[]): LiveScript {
    const random = this.#random
    const ends: Step[] = []
    let current = assigned
    for (let i = 0; i < handoffs; i++) {
      // The miss (the sweep) or the decline reassigns in the same transaction.
      const missed = random.chance(0.6)
      ends.unshift({ at: current, step: missed ? 'miss' : 'decline', then: 'reassign' })
      current = missed ? current - RESPONSE_WINDOW_MS - random.int(0, MINUTE) : current - this.#declineDelay()
    }
    const enter = this.#enterBefore(current - this.#jobDelay())
    return { kind, created: enter.created, steps: [enter.step, { at: current, step: 'assign', byCentre: false }, ...ends, ...after] }
  }

  /** Entry into triage at `at`, and the submission before it. */
  #enterBefore(at: number): { created: number; step: Step } {
    const bySweep = this.#random.chance(0.15)
    const created = at - (bySweep ? SUBMITTED_IDLE_MS + this.#random.int(0, MINUTE) : this.#reporterDelay())
    return { created, step: { at, step: 'enter', bySweep } }
  }

  #enter(created: number): Step & { step: 'enter' } {
    const bySweep = this.#random.chance(0.15)
    return { at: created + (bySweep ? SUBMITTED_IDLE_MS + this.#random.int(0, MINUTE) : this.#reporterDelay()), step: 'enter', bySweep }
  }

  /** The sweep's escalations of a case nobody can take, from its triage deadline to the stall. */
  #escalations(due: number): Step[] {
    const steps: Step[] = []
    for (let at = due + this.#random.int(0, MINUTE); at <= this.#until - WORKER_STALL_MS; at += TRIAGE_WINDOW_MS + this.#random.int(0, MINUTE)) {
      steps.push({ at, step: 'escalate' })
    }
    return steps
  }

  /** "没有解决，请专家解答" after reading the similar cases. */
  #reporterDelay() {
    return Math.min(this.#random.logNormal(2 * MINUTE, 0.7), SUBMITTED_IDLE_MS - MINUTE)
  }

  #jobDelay() {
    return this.#random.int(5_000, 90_000)
  }

  #job(at: number) {
    return at + this.#jobDelay()
  }

  /** A busy spring day: experts in the fields answer later than usual, always within the window. */
  #responseDelay() {
    return Math.min(this.#random.logNormal(80 * MINUTE, 0.7), RESPONSE_WINDOW_MS - MINUTE)
  }

  #declineDelay() {
    return Math.min(this.#random.logNormal(40 * MINUTE, 0.6), RESPONSE_WINDOW_MS - 2 * MINUTE)
  }
}

/** What the walk needs of an expert (the generator's experts have it). */
export interface LiveExpert {
  id: number
  userId: number
  level: 'county' | 'city' | 'province'
  county: { code: string; city: string }
  industries: IndustryCode[]
  openCases: number
  lastAssignedAt: number | null
  onDuty: boolean
}

type Stage = 'county' | 'city' | 'province'

interface RingStats {
  stage: Stage
  total: number
  away: number
  full: number
  excluded: number
}

/**
 * findCandidate of triage/assign_expert.ts over the generated experts: ring by ring
 * (county-level experts of the case's county, anyone in its city, province-level
 * experts), the available expert with the fewest open cases, longest idle, oldest profile.
 */
export class TriageRings<E extends LiveExpert> {
  readonly #county = new Map<string, E[]>()
  readonly #city = new Map<string, E[]>()
  readonly #province = new Map<string, E[]>()

  constructor(experts: E[]) {
    const add = (map: Map<string, E[]>, key: string, expert: E) => (map.get(key) ?? map.set(key, []).get(key)!).push(expert)
    for (const expert of experts) {
      for (const industry of expert.industries) {
        if (expert.level === 'county') add(this.#county, `${industry}:${expert.county.code}`, expert)
        add(this.#city, `${industry}:${expert.county.city}`, expert)
        if (expert.level === 'province') add(this.#province, industry, expert)
      }
    }
  }

  find(industry: IndustryCode, county: { code: string; city: string }, excluded: ReadonlySet<E>) {
    const rings: [Stage, E[]][] = [
      ['county', this.#county.get(`${industry}:${county.code}`) ?? []],
      ['city', this.#city.get(`${industry}:${county.city}`) ?? []],
      ['province', this.#province.get(industry) ?? []],
    ]
    const passed: RingStats[] = []
    for (const [stage, pool] of rings) {
      let best: E | null = null
      for (const expert of pool) {
        if (!expert.onDuty || expert.openCases >= MAX_OPEN_CASES || excluded.has(expert)) continue
        if (!best || fairer(expert, best)) best = expert
      }
      if (best) return { expert: best, stage, passed }
      passed.push({
        stage,
        total: pool.length,
        away: pool.filter((expert) => !expert.onDuty).length,
        full: pool.filter((expert) => expert.onDuty && expert.openCases >= MAX_OPEN_CASES).length,
        excluded: pool.filter((expert) => excluded.has(expert)).length,
      })
    }
    return null
  }
}

function fairer(a: LiveExpert, b: LiveExpert) {
  if (a.openCases !== b.openCases) return a.openCases < b.openCases
  if (a.lastAssignedAt !== b.lastAssignedAt) return a.lastAssignedAt === null || (b.lastAssignedAt !== null && a.lastAssignedAt < b.lastAssignedAt)
  return a.id < b.id
}

export interface LiveVisit<E> {
  id: number
  requested: number
  byExpert: boolean
  expert: E
  dispatched: number | null
  dispatcher: number | null
  scheduledOn: number | null
  place: string | null
  visited: number | null
  cost: number | null
  confirmed: number | null
  confirmer: number | null
}

export interface LiveMessage {
  at: number
  author: number
  role: 'reporter' | 'expert'
  kind: 'answer' | 'question' | 'message'
  /** Null for the answer: the case's generated answer text. */
  body: string | null
}

export interface LiveContext<E extends LiveExpert> {
  id: number
  county: { code: string; city: string; name: string }
  industry: IndustryCode
  text: string
  /** The expert's generated answer (the answer message's body). */
  answer: string
  reporter: { id: number; role: string }
  rings: TriageRings<E>
  random: Random
  until: number
  /** Writes one event and moves row.state to `to` (the generator's event()). */
  event: (time: number, kind: string, to: string, actor: number | null, role: string | null, expert?: E | null, reason?: string | null) => boolean
  /** Centre staff told about the county's cases (notifyCentre, centreStaffIds: the county centre, else the city's). */
  centre: () => number[]
  staffOf: () => number
  nextVisitId: () => number
  notify: (notice: { userId: number; at: number; kind: string; title: string; body: string | null; link: string; readAt: number | null }) => void
  followUpMessage: () => string
  followUpReply: () => string
}

const QUESTIONS = [
  '请问发病几天了？田里大概多大面积有这种情况？',
  '能再拍一张叶片背面的照片吗？看看有没有虫。',
  '最近打过什么药？用量多少？',
  '猪现在体温多少？同圈的还有几头有症状？',
  '是新栽的还是去年的老树？最近下过大雨没有？',
]
const REPLIES = ['大概三四天了，一亩多地都有', '照片已经发了，背面有小白点', '前几天打过一次多菌灵，没啥效果', '同圈还有两头不太吃食', '上周连着下了三天雨']
const DECLINE_REASONS = ['不在本地', '不是我的专业方向', '手上案件太多']
const MANUAL_REASONS = ['电话联系专家，同意接单', '本县专家已满额，请市级专家支援', '报告人希望这位专家来看']
const VISIT_REASON = '需要到现场查看'
const VISIT_OUTCOME = '已到现场查看并指导用药'
const VISIT_PLACES = ['村委会', '农户地里', '合作社基地', '养殖场']

const zh = () => i18nManager.locale('zh-CN')
const t = (key: string, data?: Record<string, unknown>) => zh().t(key, data)

/** The notice body of a message (excerpt in post_message.ts). */
function excerpt(text: string, length = 60) {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length)}…` : flat
}

/**
 * Plays a script through the app's rules, filling the generator's row (state, expert,
 * deadlines, timestamps, messages, visit) and writing the events and notifications as
 * the actions do. Returns the case's messages in the order they were written.
 */
export function walkLive<E extends LiveExpert>(row: Record<string, any>, script: LiveScript, context: LiveContext<E>): LiveMessage[] {
  const { id, county, industry, text, answer, reporter, rings, random, event } = context
  const messages: LiveMessage[] = []
  const excluded = new Set<E>()
  /** Who did something on the case when: a notice is read by its recipient's next action. */
  const actions: { userId: number; at: number }[] = []
  const notices: Parameters<LiveContext<E>['notify']>[0][] = []
  const notice = (userId: number, at: number, kind: string, title: string, body: string | null, link: string) =>
    notices.push({ userId, at, kind, title, body, link, readAt: null })
  const tellCentre = (at: number, title: string) => {
    for (const userId of context.centre()) notice(userId, at, 'experts.triage_needed', title, text.slice(0, 80), `/triage/${id}`)
  }
  const tellReporter = (at: number, kind: string, title: string, body: string | null, link = `/consultations/${id}`) =>
    notice(reporter.id, at, kind, title, body, link)
  const tellExpert = (expert: E, at: number, kind: string, title: string, body: string | null = null) =>
    notice(expert.userId, at, kind, title, body, `/consultations/${id}/visits`)
  const expert = () => row.expert as E

  /** assignTo: the expert's load, the case's columns, the event, the in-site notice. */
  const assign = (at: number, kind: 'assigned' | 'reassigned', chosen: E, level: string, reason: string, actor: number | null) => {
    event(at, kind, 'assigned', actor, actor ? 'center_staff' : null, chosen, reason)
    chosen.openCases++
    chosen.lastAssignedAt = at
    Object.assign(row, { expert: chosen, assigned: at, responseDue: at + RESPONSE_WINDOW_MS, firstResponse: null, triageLevel: level })
    notice(chosen.userId, at, 'experts.case_assigned', t('experts.triage.notify.assigned_title'), text.slice(0, 80), `/expert/cases/${id}`)
  }
  /** triage(): the fairest expert ring by ring, or nobody (then the centre: waitForCentre). */
  const triage = (at: number, kind: 'assigned' | 'reassigned', prefix: string | null) => {
    const pick = rings.find(industry, county, excluded)
    if (!pick) return toCentre(at, prefix)
    const passed = pick.passed.map((stats) => t('experts.triage.reasons.ring_unavailable', { ring: t(`experts.triage.stages.${stats.stage}`), ...stats }))
    const chosen = t(`experts.triage.reasons.${pick.stage}`, { level: t(`experts.triage.levels.${pick.expert.level}`), load: pick.expert.openCases })
    assign(at, kind, pick.expert, pick.stage, [prefix, [...passed, chosen].join('；')].filter(Boolean).join('；'), null)
  }
  /** waitForCentre: nobody in any ring; from an expert's hands the case goes back to awaiting triage. */
  const toCentre = (at: number, prefix: string | null) => {
    const reason = [prefix, t('experts.triage.reasons.no_candidate')].filter(Boolean).join('；')
    if (row.state === 'awaiting_triage') {
      event(at, 'no_candidate', 'awaiting_triage', null, null, null, reason)
      row.triageLevel = 'center'
    } else {
      event(at, 'no_candidate', 'awaiting_triage', null, null, null, reason)
      Object.assign(row, { expert: null, assigned: null, responseDue: null, firstResponse: null, triageLevel: 'center', triageDue: at + TRIAGE_WINDOW_MS })
    }
    tellCentre(at, t('experts.triage.notify.centre_title'))
  }
  const release = () => {
    expert().openCases = Math.max(expert().openCases - 1, 0)
    excluded.add(expert())
  }
  const say = (at: number, by: 'reporter' | 'expert', kind: LiveMessage['kind'], body: string | null) => {
    messages.push({ at, author: by === 'reporter' ? reporter.id : expert().userId, role: by, kind, body })
    row.lastMessage = at
    row.updated = Math.max(row.updated, at)
    actions.push({ userId: by === 'reporter' ? reporter.id : expert().userId, at })
    const title = t(`experts.consultations.notify.${kind}`, { id })
    const shown = excerpt(body ?? answer)
    if (by === 'expert') tellReporter(at, `experts.consultation.${kind}`, title, shown)
    else notice(expert().userId, at, `experts.consultation.${kind}`, title, shown, `/consultations/${id}`)
  }

  const escalate = (at: number) => {
    // nextLevel: county → city → province → the centre, which stays the centre; with nobody
    // at this level either, the case climbs again in TRIAGE_WINDOW_MS.
    const level = row.triageLevel === 'county' ? 'city' : row.triageLevel === 'city' ? 'province' : 'center'
    const reason = t('experts.triage.reasons.escalated', { level: t(`experts.triage.escalation_levels.${level}`) })
    event(at, 'triage_escalated', 'awaiting_triage', null, null, null, reason)
    Object.assign(row, { triageLevel: level, triageDue: at + TRIAGE_WINDOW_MS })
    tellCentre(at, t('experts.triage.notify.escalated_title'))
    const still = level === 'center' ? 'no_candidate_still' : 'no_candidate_at_level'
    event(at, 'no_candidate', 'awaiting_triage', null, null, null, t(`experts.triage.reasons.${still}`))
  }

  for (const step of script.steps) {
    const at = step.at
    // Nobody could be found where the script wanted an expert (a small generated set): the case waits for the centre.
    if (!row.expert && !['enter', 'assign', 'no_candidate', 'escalate'].includes(step.step)) break
    switch (step.step) {
      case 'enter':
        if (step.bySweep) event(at, 'entered_triage', 'awaiting_triage', null, null, null, t('experts.triage.reasons.idle_submitted'))
        else event(at, 'entered_triage', 'awaiting_triage', reporter.id, null, null, t('experts.consultations.similar.not_solved_reason'))
        if (!step.bySweep) actions.push({ userId: reporter.id, at })
        row.triageLevel = 'county'
        break
      case 'assign':
        if (step.byCentre) {
          const staff = context.staffOf()
          const pick = rings.find(industry, county, excluded)
          if (!pick) break
          actions.push({ userId: staff, at })
          assign(at, 'assigned', pick.expert, pick.stage, t('experts.triage.reasons.manual', { reason: random.pick(MANUAL_REASONS) }), staff)
        } else {
          triage(at, 'assigned', null)
        }
        break
      case 'miss': {
        const missed = expert()
        event(at, 'response_missed', 'assigned', null, null, missed, t('experts.triage.reasons.response_missed', { at: beijingTime(new Date(at), 'MM-dd HH:mm') }))
        release()
        if (step.then === 'reassign') triage(at, 'reassigned', t('experts.triage.reasons.after_miss'))
        else toCentre(at, t('experts.triage.reasons.after_miss'))
        break
      }
      case 'decline': {
        const declining = expert()
        event(at, 'declined', 'assigned', declining.userId, 'expert', declining, random.pick(DECLINE_REASONS))
        actions.push({ userId: declining.userId, at })
        release()
        if (step.then === 'reassign') triage(at, 'reassigned', t('experts.triage.reasons.after_decline'))
        else toCentre(at, t('experts.triage.reasons.after_decline'))
        break
      }
      case 'no_candidate':
        toCentre(at, null)
        break
      case 'escalate':
        escalate(at)
        break
      case 'accept':
        event(at, 'accepted', 'assigned', expert().userId, 'expert', expert())
        actions.push({ userId: expert().userId, at })
        row.firstResponse = at
        break
      case 'ask':
        say(at, 'expert', 'question', random.pick(QUESTIONS))
        row.firstResponse ??= at
        event(at, 'question_asked', 'assigned', expert().userId, 'expert', expert())
        break
      case 'reply':
        say(at, 'reporter', 'message', random.pick(REPLIES))
        break
      case 'answer':
        say(at, 'expert', 'answer', null)
        event(at, 'answered', 'answering', expert().userId, 'expert', expert())
        row.answered = at
        row.firstResponse ??= at
        break
      case 'message':
        say(at, step.by, 'message', step.by === 'reporter' ? context.followUpMessage() : context.followUpReply())
        break
      case 'visit_request': {
        const requester = step.byExpert ? expert().userId : reporter.id
        const visit: LiveVisit<E> = {
          id: context.nextVisitId(), requested: at, byExpert: step.byExpert, expert: expert(), dispatched: null, dispatcher: null,
          scheduledOn: null, place: null, visited: null, cost: null, confirmed: null, confirmer: null,
        }
        row.visit = visit
        event(at, 'visit_requested', 'visit_requested', requester, step.byExpert ? 'expert' : 'reporter', expert(), VISIT_REASON)
        actions.push({ userId: requester, at })
        const title = t('experts.visits.notify.requested', { id })
        if (step.byExpert) tellReporter(at, 'experts.visit_requested', title, VISIT_REASON)
        else tellExpert(expert(), at, 'experts.visit_requested', title, VISIT_REASON)
        for (const staff of context.centre()) notice(staff, at, 'experts.visit_requested', title, VISIT_REASON, `/admin/visits/${visit.id}`)
        break
      }
      case 'visit_dispatch': {
        const visit = row.visit as LiveVisit<E>
        const date = beijingTime(new Date(step.scheduledOn), 'yyyy-MM-dd')
        Object.assign(visit, {
          dispatched: at,
          dispatcher: context.staffOf(),
          scheduledOn: step.scheduledOn,
          place: `${county.name}${random.pick(VISIT_PLACES)}`,
        })
        event(at, 'visit_dispatched', 'visit_dispatched', visit.dispatcher, 'staff', visit.expert, `${date} ${visit.place}`)
        actions.push({ userId: visit.dispatcher!, at })
        const details = { date, place: visit.place, id }
        tellExpert(visit.expert, at, 'experts.visit_dispatched', t('experts.visits.notify.dispatched_expert', details))
        tellReporter(at, 'experts.visit_dispatched', t('experts.visits.notify.dispatched_reporter', details), null)
        break
      }
      case 'visit_outcome': {
        const visit = row.visit as LiveVisit<E>
        Object.assign(visit, { visited: at, cost: random.int(20, 300) * 100 })
        event(at, 'visited', 'visited', visit.expert.userId, 'expert', visit.expert)
        actions.push({ userId: visit.expert.userId, at })
        tellReporter(at, 'experts.visited', t('experts.visits.notify.visited', { id }), VISIT_OUTCOME)
        notice(visit.dispatcher!, at, 'experts.visit_cost', t('experts.visits.notify.cost_to_confirm', { id }), null, `/admin/visits/${visit.id}`)
        break
      }
      case 'visit_confirm': {
        const visit = row.visit as LiveVisit<E>
        Object.assign(visit, { confirmed: at, confirmer: context.staffOf() })
        event(at, 'visit_cost_confirmed', 'visited', visit.confirmer, 'staff', visit.expert, String(visit.cost))
        actions.push({ userId: visit.confirmer!, at })
        tellExpert(visit.expert, at, 'experts.visit_cost_confirmed', t('experts.visits.notify.cost_confirmed', { id }))
        break
      }
    }
  }
  // Waiting for the centre: the sweep has escalated it every TRIAGE_WINDOW_MS up to the stall.
  if (row.state === 'awaiting_triage' && row.triageLevel === 'center') {
    while (row.triageDue <= context.until - WORKER_STALL_MS) escalate(row.triageDue)
  }
  // A notice is read when its recipient next acts on the case; the others are still unread.
  for (const item of notices) {
    item.readAt = actions.find((action) => action.userId === item.userId && action.at >= item.at)?.at ?? null
    context.notify(item)
  }
  return messages
}
