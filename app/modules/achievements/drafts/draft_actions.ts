import i18nManager from '@adonisjs/i18n/services/main'
import db from '@adonisjs/lucid/services/db'
import type { Actor } from '#core/accounts/acting'
import { narrowestStaffOf } from '#core/accounts/role_grants'
import { audit } from '#core/audit/audit'
import { DateTime } from 'luxon'
import { clock, DAY } from '#core/clock'
import { RuleError } from '#core/http/rule_error'
import { defineJob, defineSchedule } from '#core/jobs/registry'
import { notify } from '#core/notifications/notification_service'
import { RegionScope } from '#core/regions/region_scope'
import { similarCaseClusters, type CaseCluster } from '#modules/experts/public'
import DemandDraft from '#modules/achievements/models/demand_draft'
import { publishListing, type DemandInput } from '#modules/achievements/listings/listing_actions'
import type TechDemand from '#modules/achievements/models/tech_demand'

export const DRAFT_SUBJECT = 'achievements.demand_draft'
export const PROPOSE_DRAFTS = 'achievements.propose_demand_drafts'
/** Consultations looked at: the last 60 days. */
export const DRAFT_WINDOW_DAYS = 60
/** A question asked this many times in a county is a demand worth proposing. */
export const DRAFT_MIN_CASES = 3
/** Whom a county's drafts go to: its centre (the narrowest staff holding it). */
const CENTRE_ROLES = ['center_staff', 'center_admin'] as const

const zh = () => i18nManager.locale('zh-CN')

/** The draft's text, in Chinese: what the centre starts editing from. */
export function draftText(cluster: CaseCluster) {
  const title = cluster.terms.length ? [...zh().t('achievements.drafts.draft_title', { terms: cluster.terms.join('、') })].slice(0, 60).join('') : zh().t('achievements.drafts.draft_title_plain')
  const lines = cluster.excerpts.map((excerpt, index) => `${index + 1}. ${excerpt}`)
  const description = [zh().t('achievements.drafts.draft_intro', { days: DRAFT_WINDOW_DAYS, count: cluster.caseIds.length, unsolved: cluster.unsolved }), ...lines]
    .join('\n')
    .slice(0, 2000)
  return { title, description }
}

/**
 * The job: clusters of similar consultations of the last DRAFT_WINDOW_DAYS in each county
 * become draft demands for the county centre, told in-site. A cluster any of whose cases
 * is in an earlier draft (proposed, published or dismissed) is not proposed again.
 */
export async function proposeDemandDrafts(options: { countyCode?: string } = {}) {
  const clusters = await similarCaseClusters({ since: DateTime.fromJSDate(clock.now()).minus({ days: DRAFT_WINDOW_DAYS }), countyCode: options.countyCode, minSize: DRAFT_MIN_CASES })
  const proposed: DemandDraft[] = []
  for (const cluster of clusters) {
    const draft = await db.transaction(async (trx) => {
      // One proposer at a time per county, so two runs do not both propose a cluster.
      await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [`${PROPOSE_DRAFTS}:${cluster.countyCode}`])
      const taken = await trx.from('achievements_demand_drafts').whereRaw('case_ids && ?::bigint[]', [cluster.caseIds]).first()
      if (taken) return null
      const created = await DemandDraft.create(
        { ...draftText(cluster), countyCode: cluster.countyCode, industry: cluster.industry, caseIds: cluster.caseIds, unsolved: cluster.unsolved, status: 'proposed' },
        { client: trx }
      )
      for (const staffId of await narrowestStaffOf(cluster.countyCode, CENTRE_ROLES, { upTo: 'city', client: trx })) {
        await notify(staffId, { kind: 'achievements.demand_draft', title: zh().t('achievements.drafts.notice', { count: cluster.caseIds.length }), link: `/admin/achievements/drafts/${created.id}` }, { client: trx })
      }
      return created
    })
    if (draft) proposed.push(draft)
  }
  return proposed
}

/** A proposed draft within the person's scopes, or null: another county's does not exist for them. */
export function proposedDraftIn(scopes: RegionScope[], id: unknown) {
  if (!scopes.length || !/^\d{1,18}$/.test(String(id))) return Promise.resolve(null)
  const query = DemandDraft.query().where('id', String(id)).where('status', 'proposed')
  RegionScope.constrain(query, scopes)
  return query.first()
}

/**
 * 发布: the centre's edited text is published as a 技术需求 of theirs (screened and matched
 * as any), in a county of their scopes, and the draft closed.
 */
export async function publishDraft(acting: Actor, scopes: RegionScope[], draft: DemandDraft, input: DemandInput): Promise<TechDemand> {
  if (!scopes.some((scope) => scope.contains(input.countyCode))) throw new RuleError('achievements.drafts.errors.county', 'county_code')
  await claim(draft)
  const demand = (await publishListing(acting, 'demands', input)) as TechDemand
  await decide(acting, draft, 'published', demand.id)
  return demand
}

/** 不采用: the draft is closed; its cases are not proposed again. */
export async function dismissDraft(acting: Actor, draft: DemandDraft) {
  await claim(draft)
  await decide(acting, draft, 'dismissed', null)
}

/** Refuses a draft someone else decided on meanwhile. */
async function claim(draft: DemandDraft) {
  const current = await DemandDraft.find(draft.id)
  if (current?.status !== 'proposed') throw new RuleError('achievements.drafts.errors.decided')
}

async function decide({ actor, ip }: Actor, draft: DemandDraft, status: 'published' | 'dismissed', demandId: number | null) {
  await db.transaction(async (trx) => {
    const changed = await trx
      .from('achievements_demand_drafts')
      .where('id', draft.id)
      .where('status', 'proposed')
      .update({ status, demand_id: demandId, decided_by: actor.id, decided_at: clock.now(), updated_at: clock.now() })
    if (Number(changed) !== 1) throw new RuleError('achievements.drafts.errors.decided')
    await audit(trx, { actor, action: `achievements.demand_draft_${status === 'published' ? 'publish' : 'dismiss'}`, subjectType: DRAFT_SUBJECT, subjectId: draft.id, countyCode: draft.countyCode, ip })
  })
  draft.status = status
  draft.demandId = demandId
}

defineJob(PROPOSE_DRAFTS, async () => {
  await proposeDemandDrafts()
})
defineSchedule(PROPOSE_DRAFTS, DAY / 1000)
