import pg from 'pg'
import { documentRow, type TextDocumentInput } from '#core/text/documents'
import { DAY, HOUR, MINUTE } from '#core/clock'
import {
  AUTO_CLOSE_AFTER_MS,
  FOLLOWUP_WINDOW_MS,
  OPEN_FOR_EXPERT,
  RESPONSE_WINDOW_MS,
  TRIAGE_WINDOW_MS,
  refreshCaseFacts,
  warmDefaultSnapshots,
  type ConsultationState,
} from '#modules/experts/public'
import { lexicon, type IndustryCode } from '#core/text/lexicon'
import { segmenter } from '#core/text/segmenter'
import { CopyWriter, at } from '#database/factories/plan_scale/copy'
import { BUSY_DAY_SURGE, LivePlanner, MAX_OPEN_CASES, TriageRings, walkLive, type LiveScript, type LiveVisit } from '#database/factories/plan_scale/backlog'
import { Random, Weighted } from '#database/factories/plan_scale/random'
import { moduleGenerators, moduleSeed } from '#database/factories/plan_scale/module_generators'
import {
  CITY_PROFILES,
  CaseWriter,
  HOURS,
  SEASONS,
  URBAN_DISTRICTS,
  expertOrganization,
  expertTitle,
  industryShares,
  industryWeights,
  personName,
  villageName,
} from '#database/factories/plan_scale/vocabulary'

/**
 * Plan-scale synthetic data (issue 4 point 7): 1 M consultations with their
 * events, answers and index documents, 30 k experts, 60 k 信息员 and the centre
 * staff, over five years, deterministic for a seed; the newest of them are the live
 * backlog of a busy spring day at `until` (backlog.ts). Rows go in by COPY with the
 * secondary indexes dropped and rebuilt afterwards; FK triggers are skipped
 * (session_replication_role = replica) because every reference is generated
 * consistent — a row-by-row check of 7 M events would cost minutes for nothing.
 */
export interface GenerateOptions {
  databaseUrl: string
  cases: number
  experts: number
  officers: number
  /** Farmers and market entities who report for themselves. */
  farmers: number
  seed: number
  /** The end of the five years: cases near it are still open. */
  until: Date
  years?: number
  /**
   * Of `cases`, how many are the live backlog at `until` (backlog.ts): by default
   * BUSY_DAY_SURGE × the arrivals of the busiest spring day of the last year.
   */
  backlog?: number
  /** Hash of the one password every generated account gets. */
  passwordHash: string
  /** Empty the tables first (users and everything that refers to them, the text index). */
  replace: boolean
  /** Only these modules' generators (module_generators.ts), on a database generated before. */
  modules?: string[]
  log: (line: string) => void
}

export interface Timing {
  phase: string
  seconds: number
  rows?: number
}

/** China Standard Time has no daylight saving: a fixed offset places hours of the day. */
const CST = 8 * HOUR

/** Tables the generator fills; their secondary indexes are rebuilt after the load. */
export const GENERATED_TABLES = [
  'users',
  'role_grants',
  'experts_profiles',
  'experts_consultations',
  'experts_consultation_events',
  'experts_messages',
  'experts_followup_calls',
  'experts_visits',
  'text_documents',
  // The backlog's in-site notices (assignments, the centre's triage calls, messages, visits).
  'notifications',
]

export const GENERATED_PASSWORD = 'demo123456'

/** text_documents columns in the order the generator writes them (as documentRow computes them). */
const DOCUMENT_COLUMNS = [
  'id', 'source_type', 'source_id', 'industry_code', 'county_code', 'text', 'answer', 'solved', 'public', 'rating',
  'text_tokens', 'answer_tokens', 'normalized_text', 'tags', 'created_at', 'updated_at',
]

/** Phone prefixes of generated accounts (never the demo accounts' 139…). */
const PHONE_PREFIX = { officer: 150, farmer: 151, expert: 152, staff: 153 }

interface County {
  code: string
  name: string
  city: string
  cityName: string
  weight: number
  industries: Weighted<IndustryCode>
}

interface Expert {
  id: number
  userId: number
  name: string
  level: 'county' | 'city' | 'province'
  county: County
  industries: IndustryCode[]
  openCases: number
  lastAssignedAt: number | null
  onDuty: boolean
}

/** A visit of a generated case (the backlog's shape, before it has an id). */
type Visit = Omit<LiveVisit<Expert>, 'id'>

interface FollowupCall {
  at: number
  caller: number
  reached: boolean
  valid: boolean | null
  category: string | null
}

/** Service categories of a follow-up ruling (experts_followup_calls), weighted by repetition. */
const FOLLOWUP_CATEGORIES = ['technical_guidance', 'technical_guidance', 'diagnosis', 'diagnosis', 'onsite', 'policy', 'other']

interface Person {
  id: number
  name: string
  phone: string
  role: 'info_officer' | 'farmer' | 'market_entity'
  village: string
}

export class PlanScaleGenerator {
  readonly #options: GenerateOptions
  readonly #random: Random
  readonly #timings: Timing[] = []
  readonly #clients: pg.Client[] = []
  #counties: County[] = []
  #countyPicker!: Weighted<County>
  #nextId: Record<string, number> = {}
  readonly #reporters = new Map<string, { people: Person[]; farmers: Person[] }>()
  readonly #staff = new Map<string, number[]>()
  #experts: Expert[] = []
  readonly #candidates = new Map<string, Expert[]>()
  #rings!: TriageRings<Expert>
  readonly #writer = new CaseWriter(lexicon())
  #indexes: { table: string; name: string; definition: string }[] = []
  #industryNames = new Map<string, string>()

  constructor(options: GenerateOptions) {
    this.#options = options
    this.#random = new Random(options.seed)
  }

  async run(): Promise<Timing[]> {
    const admin = await this.#connect()
    if (this.#options.modules) {
      try {
        await this.#loadCounties(admin)
        await this.#moduleData(this.#options.modules)
      } finally {
        await Promise.all(this.#clients.map((client) => client.end().catch(() => {})))
      }
      return this.#timings
    }
    let indexesBack = false
    try {
      await this.#phase('prepare', () => this.#prepare(admin))
      await this.#phase('users and roles', () => this.#people())
      this.#placeExperts()
      await this.#phase('consultations, events, answers, index documents', () => this.#consultations())
      await this.#phase('expert profiles and their directory entries', () => this.#expertProfiles())
      await this.#phase('indexes', async () => {
        const rebuilt = await this.#rebuildIndexes()
        indexesBack = true
        return rebuilt
      })
      await this.#phase('sequences, vacuum and analyze', () => this.#finish(admin))
      // The experts module's statistics read facts its job derives from cases and events.
      await this.#phase('statistics facts and snapshots (experts module)', async () => {
        const { changed } = await refreshCaseFacts()
        await warmDefaultSnapshots()
        return changed
      })
      await this.#moduleData()
    } catch (error) {
      // The indexes were dropped for the load: a failed run must not leave the next one
      // (which rebuilds only the indexes it finds) a database without them.
      if (this.#indexes.length && !indexesBack) {
        this.#options.log('✘ the load failed: putting the dropped indexes back')
        // First the loaders' connections go: an open COPY holds the lock CREATE INDEX waits for.
        await Promise.all(this.#clients.splice(1).map((client) => client.end().catch(() => {})))
        await this.#rebuildIndexes({ ifMissing: true }).catch((rebuild) => this.#options.log(`  could not: ${(rebuild as Error).message}`))
      }
      throw error
    } finally {
      await Promise.all(this.#clients.map((client) => client.end().catch(() => {})))
    }
    return this.#timings
  }

  async #phase(name: string, work: () => Promise<number | void>) {
    const started = performance.now()
    this.#options.log(`▶ ${name}…`)
    const rows = await work()
    const seconds = Math.round((performance.now() - started) / 100) / 10
    this.#timings.push({ phase: name, seconds, rows: rows ?? undefined })
    this.#options.log(`✔ ${name}: ${seconds} s${rows ? ` (${rows.toLocaleString('en')} rows)` : ''}`)
  }

  async #connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.#options.databaseUrl })
    await client.connect()
    this.#clients.push(client)
    // Consistent by construction: skip per-row FK triggers. Commits need not wait for disk.
    await client.query(`SET session_replication_role = replica; SET synchronous_commit = off`)
    return client
  }

  async #prepare(admin: pg.Client) {
    const users = await admin.query('SELECT count(*)::int AS n FROM users')
    if (users.rows[0].n > 0) {
      if (!this.#options.replace) {
        throw new Error(`the database already holds ${users.rows[0].n} users: use a separate database (npm run bench:setup) or --replace`)
      }
      await admin.query('TRUNCATE users, text_documents RESTART IDENTITY CASCADE')
      // Derived from what was just emptied: the statistics start again from the first case.
      if ((await admin.query(`SELECT to_regclass('experts_statistics_snapshots') AS found`)).rows[0].found) {
        await admin.query('TRUNCATE experts_statistics_snapshots')
        await admin.query('UPDATE experts_case_facts_progress SET last_case_id = 0, last_event_id = 0, refreshed_at = NULL')
      }
    }
    for (const table of GENERATED_TABLES) {
      const max = await admin.query(`SELECT coalesce(max(id), 0)::bigint AS id FROM ${table}`)
      this.#nextId[table] = Number(max.rows[0].id) + 1
    }
    const found = await admin.query(
      `SELECT i.tablename AS table, i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [GENERATED_TABLES]
    )
    this.#indexes = found.rows
    for (const index of this.#indexes) await admin.query(`DROP INDEX ${index.name}`)
    await this.#loadCounties(admin)
  }

  async #loadCounties(admin: pg.Client) {
    const industries = await admin.query('SELECT code, name FROM industries')
    this.#industryNames = new Map(industries.rows.map((row) => [row.code, row.name]))
    const regions = await admin.query(`SELECT code, name, level, parent_code FROM regions ORDER BY code`)
    const cityNames = new Map(regions.rows.filter((row) => row.level === 'city').map((row) => [row.code.slice(0, 4), row.name]))
    this.#counties = regions.rows
      .filter((row) => row.level === 'county')
      .map((row) => {
        const city = row.code.slice(0, 4)
        const perCity = regions.rows.filter((other) => other.level === 'county' && other.code.startsWith(city)).length
        const weight = ((CITY_PROFILES[city]?.weight ?? 0.5) / perCity) * (0.5 + this.#random.next()) * (URBAN_DISTRICTS.has(row.code) ? 0.1 : 1)
        return { code: row.code, name: row.name, city, cityName: cityNames.get(city) ?? '', weight, industries: industryWeights(city) }
      })
    if (this.#counties.length === 0) throw new Error('no counties: run the seeders first (node ace db:seed)')
    this.#countyPicker = new Weighted(this.#counties.map((county) => [county, county.weight]))
  }

  /** Each module's own plan-scale data (database/factories/plan_scale/modules/). */
  async #moduleData(only?: string[]) {
    for (const generator of await moduleGenerators(only)) {
      await this.#phase(`${generator.name} module`, () =>
        generator.generate({
          connect: () => this.#connect(),
          random: new Random(moduleSeed(this.#options.seed, generator.name)),
          counties: this.#counties.map(({ code, name, city, cityName }) => ({ code, name, city, cityName })),
          until: this.#options.until,
          passwordHash: this.#options.passwordHash,
          log: this.#options.log,
        })
      )
    }
  }

  #id(table: string): number {
    return this.#nextId[table]++
  }

  /** Officers, farmers, experts' accounts and centre staff, with their role grants. */
  async #people(): Promise<number> {
    const options = this.#options
    const random = this.#random
    const [usersClient, grantsClient] = [await this.#connect(), await this.#connect()]
    const users = new CopyWriter(usersClient, 'users', ['id', 'phone', 'password', 'name', 'county_code', 'village', 'created_at', 'updated_at'])
    const grants = new CopyWriter(grantsClient, 'role_grants', ['id', 'user_id', 'role', 'scope', 'created_at'])
    const start = options.until.getTime() - (options.years ?? 5) * 365 * DAY
    const joined = () => at(start + random.next() * 0.3 * (options.until.getTime() - start))
    const addUser = async (kind: keyof typeof PHONE_PREFIX, index: number, county: County, roles: [string, string | null][]) => {
      const id = this.#id('users')
      const name = personName(random)
      const village = villageName(random)
      const phone = `${PHONE_PREFIX[kind]}${String(index).padStart(8, '0')}`
      const created = joined()
      users.add([id, phone, options.passwordHash, name, county.code, village, created, created])
      for (const [role, scope] of roles) grants.add([this.#id('role_grants'), id, role, scope, created])
      await users.drain()
      await grants.drain()
      return { id, name, phone, village }
    }
    const reportersOf = (county: County) => {
      let entry = this.#reporters.get(county.code)
      if (!entry) this.#reporters.set(county.code, (entry = { people: [], farmers: [] }))
      return entry
    }

    // Every county gets at least a few 信息员; the rest follow the case weights.
    for (let index = 0; index < options.officers; index++) {
      const county = index < this.#counties.length * 5 ? this.#counties[index % this.#counties.length] : this.#countyPicker.pick(random)
      const user = await addUser('officer', index, county, [['info_officer', null]])
      reportersOf(county).people.push({ ...user, role: 'info_officer' })
    }
    for (let index = 0; index < options.farmers; index++) {
      const county = this.#countyPicker.pick(random)
      const role = random.chance(0.8) ? 'farmer' : 'market_entity'
      const user = await addUser('farmer', index, county, [[role, null]])
      reportersOf(county).farmers.push({ ...user, role })
    }
    // Centre staff: two per county, two per city and a city admin, four at the province and its admins.
    let staffIndex = 0
    const addStaff = async (county: County, scope: string, extra: [string, string | null][] = []) => {
      const user = await addUser('staff', staffIndex++, county, [['center_staff', scope], ...extra])
      const list = this.#staff.get(scope) ?? this.#staff.set(scope, []).get(scope)!
      list.push(user.id)
    }
    for (const county of this.#counties) for (let i = 0; i < 2; i++) await addStaff(county, county.code)
    const cities = [...new Set(this.#counties.map((county) => county.city))]
    for (const city of cities) {
      const seat = this.#counties.find((county) => county.city === city)!
      for (let i = 0; i < 2; i++) await addStaff(seat, city)
      await addStaff(seat, city, [['center_admin', city]])
    }
    const capital = this.#counties.find((county) => county.code === '510104') ?? this.#counties[0]
    for (let i = 0; i < 4; i++) await addStaff(capital, '51')
    await addStaff(capital, '51', [['center_admin', '51']])
    await addStaff(capital, '51', [['platform_admin', '51']])

    // Experts' accounts; their profiles are written after the cases (load and last assignment known then).
    for (let index = 0; index < options.experts; index++) {
      // One county expert in every county first; then levels and places as they come.
      const spread = index < this.#counties.length
      const level = spread || random.chance(0.75) ? 'county' : random.chance(0.72) ? 'city' : 'province'
      let county = spread ? this.#counties[index] : this.#countyPicker.pick(random)
      if (level === 'province') county = random.chance(0.7) ? capital : county
      const main = county.industries.pick(random)
      const industries = [main]
      if (random.chance(0.3)) {
        const second = county.industries.pick(random)
        if (second !== main) industries.push(second)
      }
      const user = await addUser('expert', index, county, [['expert', null]])
      this.#experts.push({
        id: this.#id('experts_profiles'),
        userId: user.id,
        name: user.name,
        level,
        county,
        industries,
        openCases: 0,
        lastAssignedAt: null,
        onDuty: random.chance(0.92),
      })
    }
    await Promise.all([users.end(), grants.end()])
    return users.rows + grants.rows
  }

  /** Triage candidates by place: same county, same city, province level, then anyone of the industry. */
  #placeExperts() {
    const add = (key: string, expert: Expert) => {
      const list = this.#candidates.get(key) ?? this.#candidates.set(key, []).get(key)!
      list.push(expert)
    }
    this.#rings = new TriageRings(this.#experts)
    for (const expert of this.#experts) {
      for (const industry of expert.industries) {
        add(`${industry}:${expert.county.code}`, expert)
        add(`${industry}:${expert.county.city}`, expert)
        if (expert.level === 'province') add(`${industry}:51`, expert)
        add(`${industry}:*`, expert)
      }
    }
  }

  #chooseExpert(industry: IndustryCode, county: County, except: Expert | null): { expert: Expert; level: 'county' | 'city' | 'province' } | null {
    const levels: ['county' | 'city' | 'province', string][] = [
      ['county', county.code],
      ['city', county.city],
      ['province', '51'],
      ['province', '*'],
    ]
    for (const [level, place] of levels) {
      const pool = (this.#candidates.get(`${industry}:${place}`) ?? []).filter((expert) => expert !== except && expert.onDuty)
      if (pool.length) return { expert: pool[Math.floor(this.#random.next() * pool.length)], level }
    }
    return null
  }

  /** Per-industry day weights over the five years (days since the epoch, China time): adoption grows, seasons follow the crop calendar. */
  #dayWeights(): Map<IndustryCode, [number, number][]> {
    const until = this.#options.until.getTime()
    const days = Math.floor((this.#options.years ?? 5) * 365)
    const firstDay = Math.floor((until + CST) / DAY) - days + 1
    const weights = new Map<IndustryCode, [number, number][]>()
    for (const industry of Object.keys(SEASONS) as IndustryCode[]) {
      const entries: [number, number][] = []
      for (let offset = 0; offset < days; offset++) {
        const day = firstDay + offset
        const date = new Date(day * DAY)
        const growth = 0.4 + (offset / days) * 1.6
        const weekday = date.getUTCDay() === 0 ? 0.8 : 1
        entries.push([day, growth * weekday * SEASONS[industry][date.getUTCMonth()]])
      }
      weights.set(industry, entries)
    }
    return weights
  }

  /**
   * The busiest spring day (March–May) of the last year at the plan's scale: the
   * cases the day pickers expect then, and its month (the backlog's industry season).
   */
  #busySpringDay(dayWeights: Map<IndustryCode, [number, number][]>): { cases: number; month: number } {
    // Each industry's share of all cases: county weights times the county's industry shares.
    const share = new Map<IndustryCode, number>()
    const totalWeight = this.#counties.reduce((sum, county) => sum + county.weight, 0)
    for (const county of this.#counties) {
      const shares = industryShares(county.city)
      const sum = shares.reduce((total, [, weight]) => total + weight, 0)
      for (const [code, weight] of shares) share.set(code, (share.get(code) ?? 0) + (county.weight / totalWeight) * (weight / sum))
    }
    const expected = new Map<number, number>()
    for (const [industry, entries] of dayWeights) {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
      for (const [day, weight] of entries.slice(-365)) {
        expected.set(day, (expected.get(day) ?? 0) + (this.#options.cases * (share.get(industry) ?? 0) * weight) / total)
      }
    }
    let best = { cases: 0, month: 3 }
    for (const [day, cases] of expected) {
      const month = new Date(day * DAY).getUTCMonth()
      if (month >= 2 && month <= 4 && cases > best.cases) best = { cases, month }
    }
    return best
  }

  async #consultations(): Promise<number> {
    const options = this.#options
    const random = this.#random
    const until = options.until.getTime()
    const cut = segmenter()
    const dayWeights = this.#dayWeights()
    const dayPickers = new Map([...dayWeights].map(([industry, entries]) => [industry, new Weighted(entries)]))
    const hourPicker = new Weighted(HOURS.map((weight, hour) => [hour, weight]))
    const [c1, c2, c3, c4] = [await this.#connect(), await this.#connect(), await this.#connect(), await this.#connect()]
    const consultations = new CopyWriter(c1, 'experts_consultations', [
      'id', 'reporter_id', 'farmer_name', 'farmer_phone', 'addressed_expert_id', 'industry_code', 'county_code', 'text',
      'state', 'moderation', 'expert_id', 'triage_level', 'triage_due_at', 'assigned_at', 'response_due_at',
      'first_response_at', 'answered_at', 'last_message_at', 'closed_at', 'followup_due_at', 'similar_document_id',
      'rating', 'rating_comment', 'idempotency_key', 'created_at', 'updated_at',
    ])
    const events = new CopyWriter(c2, 'experts_consultation_events', [
      'id', 'consultation_id', 'actor_id', 'actor_role', 'kind', 'from_state', 'to_state', 'expert_id', 'reason', 'created_at',
    ])
    const messages = new CopyWriter(c3, 'experts_messages', ['id', 'consultation_id', 'author_id', 'author_role', 'kind', 'body', 'moderation', 'created_at'])
    const documents = new CopyWriter(c4, 'text_documents', DOCUMENT_COLUMNS)
    const [c5, c6, c7] = [await this.#connect(), await this.#connect(), await this.#connect()]
    const followupCalls = new CopyWriter(c5, 'experts_followup_calls', [
      'id', 'consultation_id', 'caller_id', 'caller_role', 'reached', 'service_valid', 'category', 'notes', 'created_at',
    ])
    const visits = new CopyWriter(c6, 'experts_visits', [
      'id', 'consultation_id', 'county_code', 'requested_by_id', 'requested_by_role', 'reason', 'status', 'expert_id', 'scheduled_on',
      'place', 'dispatched_by_id', 'dispatched_at', 'outcome', 'visited_at', 'travel_cost_fen', 'cost_confirmed_by_id',
      'cost_confirmed_at', 'created_at', 'updated_at',
    ])
    const notifications = new CopyWriter(c7, 'notifications', ['id', 'user_id', 'kind', 'title', 'body', 'link', 'read_at', 'created_at'])
    const documentIds: number[] = []
    const progressEvery = Math.max(Math.floor(options.cases / 10), 1)
    const started = performance.now()

    // The live backlog: a busy spring day's open cases, over the counties by population, in the season's industries.
    const spring = this.#busySpringDay(dayWeights)
    const backlog = Math.min(options.backlog ?? Math.round(spring.cases * BUSY_DAY_SURGE), options.cases)
    const springIndustries = new Map<string, Weighted<IndustryCode>>()
    const live = new LivePlanner(random, until).plan(backlog).map((script) => {
      const county = this.#countyPicker.pick(random)
      const industries = springIndustries.get(county.city) ?? springIndustries.set(county.city, industryWeights(county.city, spring.month)).get(county.city)!
      return { county, industry: industries.pick(random), created: script.created, live: script }
    })
    options.log(`  live backlog: ${backlog.toLocaleString('en')} open cases (the busiest spring day expects ${Math.round(spring.cases).toLocaleString('en')} new ones)`)

    // Cases in creation order, so that ids grow with time as in production.
    const plan: { county: County; industry: IndustryCode; created: number; live?: LiveScript }[] = [...live]
    for (let index = 0; index < options.cases - backlog; index++) {
      const county = this.#countyPicker.pick(random)
      const industry = county.industries.pick(random)
      const day = dayPickers.get(industry)!.pick(random)
      let created = day * DAY - CST + hourPicker.pick(random) * HOUR + Math.floor(random.next() * HOUR)
      if (created > until) created -= DAY
      plan.push({ county, industry, created })
    }
    plan.sort((a, b) => a.created - b.created)

    for (const [index, { county, industry, created, live: script }] of plan.entries()) {
      const id = this.#id('experts_consultations')
      const local = this.#reporters.get(county.code) ?? { people: [], farmers: [] }
      const byFarmer = local.farmers.length > 0 && random.chance(0.12)
      const pool = byFarmer ? local.farmers : local.people
      // A few very active 信息员 report most cases of a county.
      const reporter = pool.length ? pool[Math.floor(pool.length * random.next() ** 2)] : null
      if (!reporter) continue
      const place = { village: reporter.village, person: personName(random) }
      const { text, answer, problem } = this.#writer.consultation(industry, random, place)
      const row: Record<string, any> = {
        reporter: reporter.id,
        farmerName: byFarmer ? null : place.person,
        farmerPhone: byFarmer ? null : `13${random.int(100000000, 999999999)}`,
        addressed: null,
        state: 'submitted',
        moderation: 'pass',
        expert: null as Expert | null,
        triageLevel: null,
        triageDue: created + TRIAGE_WINDOW_MS,
        assigned: null,
        responseDue: null,
        firstResponse: null,
        answered: null,
        lastMessage: null,
        closed: null,
        followupDue: null,
        similarDocument: null,
        rating: null,
        ratingComment: null,
        updated: created,
      }
      const reporterRole = reporter.role
      const event = (time: number, kind: string, to: string, actor: number | null, role: string | null, expert: Expert | null = null, reason: string | null = null) => {
        if (time > until) return false
        const from = kind === 'submitted' ? null : row.state
        events.add([this.#id('experts_consultation_events'), id, actor, role, kind, from, to, expert?.id ?? null, reason, at(time)])
        row.state = to
        row.updated = time
        return true
      }
      const staffOf = () => {
        const list = this.#staff.get(county.code) ?? this.#staff.get(county.city) ?? this.#staff.get('51')!
        return list[Math.floor(random.next() * list.length)]
      }

      event(created, 'submitted', 'submitted', reporter.id, reporterRole)
      let liveMessages: ReturnType<typeof walkLive> | null = null
      if (script) {
        liveMessages = walkLive(row, script, {
          id,
          county,
          industry,
          text,
          answer,
          reporter: { id: reporter.id, role: reporterRole },
          rings: this.#rings,
          random,
          until,
          event,
          centre: () => this.#staff.get(county.code) ?? this.#staff.get(county.city) ?? this.#staff.get('51')!,
          staffOf,
          nextVisitId: () => this.#id('experts_visits'),
          notify: (notice) =>
            notifications.add([
              this.#id('notifications'), notice.userId, notice.kind, notice.title, notice.body, notice.link, at(notice.readAt), at(notice.at),
            ]),
          followUpMessage: () => this.#writer.followUpMessage(random),
          followUpReply: () => this.#writer.followUpReply(random),
        })
      } else if (until - created < 2 * HOUR && random.chance(0.02)) {
        // Content safety: the latest few cases may still wait for review.
        row.moderation = 'held'
      } else if (documentIds.length > 100 && random.chance(0.08)) {
        // A past case solved it.
        const time = created + random.logNormal(3 * MINUTE, 0.6)
        const solvedBy = documentIds[Math.floor(random.next() * documentIds.length)]
        if (event(time, 'resolved_by_similar', 'resolved_by_similar', reporter.id, 'reporter')) row.similarDocument = solvedBy
      } else {
        this.#walk(row, { id, county, industry, created, until, reporterId: reporter.id, reporterRole, event, staffOf })
      }
      for (const message of liveMessages ?? []) {
        messages.add([this.#id('experts_messages'), id, message.author, message.role, message.kind, message.body ?? answer, 'pass', at(message.at)])
      }
      if (row.state === 'answering' || row.answered !== null) {
        const expert = row.expert as Expert
        if (!liveMessages) messages.add([this.#id('experts_messages'), id, expert.userId, 'expert', 'answer', answer, 'pass', at(row.answered)])
        if (row.conversation) {
          messages.add([this.#id('experts_messages'), id, reporter.id, 'reporter', 'message', this.#writer.followUpMessage(random), 'pass', at(row.conversation[0])])
          messages.add([this.#id('experts_messages'), id, expert.userId, 'expert', 'message', this.#writer.followUpReply(random), 'pass', at(row.conversation[1])])
        }
        const documentId = this.#id('text_documents')
        const input: TextDocumentInput = {
          sourceType: 'consultation',
          sourceId: String(id),
          industry,
          county: county.code,
          text,
          answer,
          solved: true,
          public: true,
          rating: row.rating,
          createdAt: new Date(created),
          // The benchmark's recall among all documents counts a generated case of the same problem as a hit.
          tags: [`problem:${lexicon().synonyms.get(problem) ?? problem}`],
        }
        const doc = documentRow(input, cut)
        documents.add([
          documentId, doc.source_type, doc.source_id, doc.industry_code, doc.county_code, doc.text, doc.answer, true, true,
          doc.rating, doc.text_tokens, doc.answer_tokens, doc.normalized_text, doc.tags, at(created), at(row.updated),
        ])
        documentIds.push(documentId)
      }
      for (const call of (row.calls ?? []) as FollowupCall[]) {
        followupCalls.add([
          this.#id('experts_followup_calls'), id, call.caller, 'center_staff', call.reached, call.valid, call.category,
          call.reached ? null : '无人接听', at(call.at),
        ])
      }
      if (row.visit) {
        const visit = row.visit as Visit
        const status = visit.visited ? 'visited' : visit.dispatched ? 'dispatched' : 'requested'
        visits.add([
          (visit as Visit & { id?: number }).id ?? this.#id('experts_visits'), id, county.code, visit.byExpert ? visit.expert.userId : reporter.id, visit.byExpert ? 'expert' : 'reporter',
          '需要到现场查看', status, visit.dispatched ? visit.expert.id : null,
          visit.dispatched ? new Date(visit.scheduledOn! + CST).toISOString().slice(0, 10) : null, visit.dispatched ? visit.place : null,
          visit.dispatched ? visit.dispatcher : null, at(visit.dispatched), visit.visited ? '已到现场查看并指导用药' : null, at(visit.visited),
          visit.cost, visit.confirmed ? visit.confirmer : null, at(visit.confirmed), at(visit.requested), at(visit.confirmed ?? visit.visited ?? visit.dispatched ?? visit.requested),
        ])
      }
      // The backlog's walk keeps the loads as it assigns and releases (the next assignment reads them).
      if (!script && row.expert && OPEN_FOR_EXPERT.includes(row.state as ConsultationState)) (row.expert as Expert).openCases++
      consultations.add([
        id, row.reporter, row.farmerName, row.farmerPhone, row.addressed, industry, county.code, text, row.state, row.moderation,
        row.expert?.id ?? null, row.triageLevel, at(row.triageDue), at(row.assigned), at(row.responseDue), at(row.firstResponse),
        at(row.answered), at(row.lastMessage), at(row.closed), at(row.followupDue), row.similarDocument, row.rating,
        row.ratingComment, null, at(created), at(row.updated),
      ])
      if (index % 256 === 0) {
        await consultations.drain()
        await events.drain()
        await messages.drain()
        await documents.drain()
        await followupCalls.drain()
        await visits.drain()
        await notifications.drain()
      }
      if ((index + 1) % progressEvery === 0) {
        const seconds = (performance.now() - started) / 1000
        options.log(`  ${(index + 1).toLocaleString('en')} cases (${Math.round((index + 1) / seconds).toLocaleString('en')}/s)`)
      }
    }
    await Promise.all([consultations.end(), events.end(), messages.end(), documents.end(), followupCalls.end(), visits.end(), notifications.end()])
    return consultations.rows + events.rows + messages.rows + documents.rows + followupCalls.rows + visits.rows + notifications.rows
  }

  /**
   * The life of a case after submission, one event per step, stopping at `until`:
   * triage (minutes; a few escalate at the 1-hour deadline), first response (within
   * hours; a few misses and declines go to the next expert), answer, an occasional
   * conversation, close with a rating or automatically after 7 silent days, and the
   * centre's follow-up call within 7 days.
   */
  #walk(
    row: Record<string, any>,
    context: {
      id: number
      county: County
      industry: IndustryCode
      created: number
      until: number
      reporterId: number
      reporterRole: string
      event: (time: number, kind: string, to: string, actor: number | null, role: string | null, expert?: Expert | null, reason?: string | null) => boolean
      staffOf: () => number
    }
  ) {
    const random = this.#random
    const { created, event, reporterId, reporterRole, staffOf } = context
    // "没有解决，请专家解答" at once, or the sweep after 10 untouched minutes.
    const bySweep = random.chance(0.15)
    let time = bySweep ? created + 10 * MINUTE + random.int(0, 60_000) : created + Math.min(random.logNormal(2 * MINUTE, 0.7), 9 * MINUTE)
    if (!event(time, 'entered_triage', 'awaiting_triage', bySweep ? null : reporterId, bySweep ? null : reporterRole, null, bySweep ? 'sweep' : null)) return
    row.triageLevel = 'county'

    let choice = this.#chooseExpert(context.industry, context.county, null)
    if (!choice) return
    let assignedBy: number | null = null
    if (random.chance(0.02)) {
      // Nobody took it within the hour: escalated, then the centre assigns by hand.
      time = created + TRIAGE_WINDOW_MS
      if (!event(time, 'triage_escalated', 'awaiting_triage', null, null, null, '分诊超时，升级')) return
      row.triageLevel = 'city'
      time += random.logNormal(15 * MINUTE, 0.6)
      assignedBy = staffOf()
    } else {
      time += Math.min(random.logNormal(3 * MINUTE, 0.8), 50 * MINUTE)
    }
    row.triageLevel = choice.level
    let expert = choice.expert
    const assign = (when: number, kind: 'assigned' | 'reassigned', reason: string | null) => {
      if (!event(when, kind, 'assigned', assignedBy, assignedBy ? 'center_staff' : null, expert, reason)) return false
      row.expert = expert
      row.assigned = when
      row.responseDue = when + RESPONSE_WINDOW_MS
      expert.lastAssignedAt = when
      return true
    }
    if (!assign(time, 'assigned', assignedBy ? '人工分诊' : `${context.industry} ${choice.level}`)) return

    // Misses and declines hand the case to the next candidate in the same transaction, as
    // the app does (the case stays 'assigned'); with nobody else it waits for the centre.
    for (let attempt = 0; attempt < 3; attempt++) {
      const roll = random.next()
      if (roll < 0.04) {
        time = row.responseDue
        if (!event(time, 'response_missed', 'assigned', null, null, expert, '3小时内未响应')) return
      } else if (roll < 0.06) {
        time += random.logNormal(20 * MINUTE, 0.5)
        if (!event(time, 'declined', 'assigned', expert.userId, 'expert', expert, random.pick(['不在本地', '不是我的专业方向', '手上案件太多']))) return
      } else break
      choice = this.#chooseExpert(context.industry, context.county, expert)
      if (!choice) {
        event(time, 'no_candidate', 'awaiting_triage', null, null, null, '无可接单的专家，转运管中心人工分诊')
        Object.assign(row, { expert: null, assigned: null, responseDue: null, triageLevel: 'center', triageDue: time + TRIAGE_WINDOW_MS })
        return
      }
      expert = choice.expert
      assignedBy = null
      if (!assign(time, 'reassigned', null)) return
    }

    // First response within hours: accept then answer, or answer at once.
    const responded = row.assigned + Math.min(random.logNormal(50 * MINUTE, 0.8), RESPONSE_WINDOW_MS - MINUTE)
    if (random.chance(0.6)) {
      if (!event(responded, 'accepted', 'assigned', expert.userId, 'expert', expert)) return
      row.firstResponse = responded
      time = responded + random.logNormal(25 * MINUTE, 0.7)
    } else {
      time = responded
    }
    if (!event(time, 'answered', 'answering', expert.userId, 'expert', expert)) return
    row.firstResponse ??= time
    row.answered = time
    row.lastMessage = time

    if (random.chance(0.3)) {
      const asked = time + random.logNormal(3 * HOUR, 0.8)
      const replied = asked + random.logNormal(2 * HOUR, 0.8)
      if (replied <= context.until) {
        row.conversation = [asked, replied]
        row.lastMessage = replied
      }
    }

    // Now and then a photo is not enough: the centre sends the expert to the field.
    if (random.chance(0.03)) {
      const requested = row.lastMessage + random.logNormal(6 * HOUR, 0.6)
      const byExpert = random.chance(0.6)
      if (!event(requested, 'visit_requested', 'visit_requested', byExpert ? expert.userId : reporterId, byExpert ? 'expert' : 'reporter', expert, '需要到现场查看')) return
      const visit: Visit = { requested, byExpert, expert, dispatched: null, dispatcher: null, scheduledOn: null, place: null, visited: null, cost: null, confirmed: null, confirmer: null }
      row.visit = visit
      const dispatched = requested + random.logNormal(3 * HOUR, 0.6)
      const scheduledOn = dispatched + random.int(1, 3) * DAY
      visit.scheduledOn = scheduledOn
      visit.place = `${context.county.name}${random.pick(['村委会', '农户地里', '合作社基地', '养殖场'])}`
      visit.dispatcher = staffOf()
      if (!event(dispatched, 'visit_dispatched', 'visit_dispatched', visit.dispatcher, 'center_staff', expert, `${new Date(scheduledOn + CST).toISOString().slice(0, 10)} ${visit.place}`)) return
      visit.dispatched = dispatched
      const visited = scheduledOn + random.int(1, 6) * HOUR
      if (!event(visited, 'visited', 'visited', expert.userId, 'expert', expert, null)) return
      visit.visited = visited
      visit.cost = random.int(20, 300) * 100
      row.lastMessage = visited
      const confirmed = visited + random.logNormal(DAY, 0.6)
      if (confirmed <= context.until) {
        visit.confirmed = confirmed
        visit.confirmer = staffOf()
        event(confirmed, 'visit_cost_confirmed', 'visited', visit.confirmer, 'center_staff', expert, String(visit.cost))
      }
    }

    // Closed by the reporter with a rating, or automatically after 7 silent days.
    const byReporter = random.chance(0.65)
    time = byReporter ? row.lastMessage + Math.min(random.logNormal(1.5 * DAY, 0.8), 6.5 * DAY) : row.lastMessage + AUTO_CLOSE_AFTER_MS + random.int(0, 10) * MINUTE
    if (byReporter) {
      if (!event(time, 'closed', 'closed', reporterId, 'reporter', expert)) return
      const roll = random.next()
      row.rating = roll < 0.55 ? 5 : roll < 0.85 ? 4 : roll < 0.95 ? 3 : roll < 0.98 ? 2 : 1
      if (random.chance(0.2)) row.ratingComment = random.pick(['专家很负责', '回复很快，谢谢', '药用了有效果', '还可以', '回复太慢了'])
    } else if (!event(time, 'auto_closed', 'closed', null, 'system', expert)) {
      return
    }
    row.closed = time
    row.followupDue = time + FOLLOWUP_WINDOW_MS

    // The centre's follow-up call: mostly within the week, a few late, a few never;
    // some phones are not answered the first time.
    const roll = random.next()
    const calls: FollowupCall[] = (row.calls = [])
    let caller = staffOf()
    if (random.chance(0.12)) {
      const attempt = time + Math.min(random.logNormal(DAY, 0.7), 6 * DAY)
      if (!event(attempt, 'followup_unreached', 'closed', caller, 'center_staff', null, '无人接听')) return
      calls.push({ at: attempt, caller, reached: false, valid: null, category: null })
      time = attempt
      caller = staffOf()
    }
    if (roll < 0.02) return
    time = roll < 0.08 ? Math.max(time, row.followupDue) + random.logNormal(2 * DAY, 0.5) : time + Math.min(random.logNormal(DAY, 0.7), Math.max(row.followupDue - time - HOUR, HOUR))
    const category = random.pick(FOLLOWUP_CATEGORIES)
    const valid = random.chance(0.93)
    if (!event(time, 'followed_up', 'followed_up', caller, 'center_staff', null, `${valid ? 'valid' : 'invalid'}:${category}`)) return
    calls.push({ at: time, caller, reached: true, valid, category })
  }

  async #expertProfiles(): Promise<number> {
    const random = this.#random
    const cut = segmenter()
    const [c1, c2] = [await this.#connect(), await this.#connect()]
    const profiles = new CopyWriter(c1, 'experts_profiles', [
      'id', 'user_id', 'organization', 'title', 'level', 'county_code', 'industries', 'specialties', 'bio', 'status',
      'reviewed_by_id', 'reviewed_at', 'on_duty', 'away_until', 'max_open_cases', 'open_cases', 'last_assigned_at', 'created_at', 'updated_at',
    ])
    const documents = new CopyWriter(c2, 'text_documents', DOCUMENT_COLUMNS)
    const start = this.#options.until.getTime() - (this.#options.years ?? 5) * 365 * DAY
    for (const expert of this.#experts) {
      const organization = expertOrganization(expert.level, expert.industries[0], { county: expert.county.name, city: expert.county.cityName }, random)
      const title = expertTitle(expert.level, expert.industries[0], random)
      const specialties = this.#writer.specialties(expert.industries, random)
      const bio = `${organization}${title}，从事${specialties.split('、')[0]}工作${random.int(3, 30)}年。`
      const created = at(start + random.next() * 0.3 * (this.#options.until.getTime() - start))
      const reviewer = (this.#staff.get(expert.county.code) ?? this.#staff.get('51')!)[0]
      const away = expert.onDuty ? null : new Date(this.#options.until.getTime() + random.int(1, 20) * DAY).toISOString().slice(0, 10)
      profiles.add([
        expert.id, expert.userId, organization, title, expert.level, expert.county.code, expert.industries, specialties, bio,
        'verified', reviewer, created, expert.onDuty, away, MAX_OPEN_CASES, expert.openCases, at(expert.lastAssignedAt), created, created,
      ])
      // The entry indexExpert (experts module) writes for a verified profile, field for field.
      const text = [
        expert.name,
        organization,
        title,
        specialties,
        bio,
        `${expert.county.cityName} ${expert.county.name}`,
        expert.industries.map((code) => this.#industryNames.get(code)).join(' '),
      ].join('\n')
      const doc = documentRow(
        {
          sourceType: 'expert',
          sourceId: String(expert.id),
          industry: expert.industries[0],
          county: expert.county.code,
          text,
          public: true,
          tags: [`level:${expert.level}`, ...expert.industries.map((code) => `industry:${code}`)],
        },
        cut
      )
      documents.add([
        this.#id('text_documents'), 'expert', doc.source_id, doc.industry_code, doc.county_code, doc.text, doc.answer, false, true,
        null, doc.text_tokens, doc.answer_tokens, doc.normalized_text, doc.tags, created, created,
      ])
      await profiles.drain()
      await documents.drain()
    }
    await Promise.all([profiles.end(), documents.end()])
    return profiles.rows + documents.rows
  }

  /** Secondary indexes, two builds at a time (one per core), largest tables first. */
  async #rebuildIndexes(options: { ifMissing?: boolean } = {}): Promise<number> {
    const sizes = new Map<string, number>()
    const admin = this.#clients[0]
    for (const table of GENERATED_TABLES) {
      const result = await admin.query(`SELECT pg_relation_size($1) AS bytes`, [table])
      sizes.set(table, Number(result.rows[0].bytes))
    }
    const queue = [...this.#indexes].sort((a, b) => sizes.get(b.table)! - sizes.get(a.table)!)
    const builders = [admin, await this.#connect()]
    await Promise.all(
      builders.map(async (client) => {
        await client.query(`SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 0`)
        for (let index = queue.shift(); index; index = queue.shift()) {
          const started = performance.now()
          await client.query(options.ifMissing ? index.definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ') : index.definition)
          this.#options.log(`  ${index.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
        }
      })
    )
    return this.#indexes.length
  }

  async #finish(admin: pg.Client) {
    for (const table of GENERATED_TABLES) {
      await admin.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), greatest((SELECT max(id) FROM ${table}), 1))`, [table])
    }
    // Hint bits and the visibility map as autovacuum would leave them: benchmarks then see a settled table.
    await admin.query(`VACUUM (ANALYZE) ${GENERATED_TABLES.join(', ')}`)
  }
}
