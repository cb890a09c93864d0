import i18nManager from '@adonisjs/i18n/services/main'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import type { Actor } from '#core/accounts/acting'
import { holdersAt } from '#core/accounts/role_grants'
import { audit } from '#core/audit/audit'
import type { AuditChanges } from '#core/audit/audit_entry'
import { clock } from '#core/clock'
import { RuleError } from '#core/http/rule_error'
import { industryNames } from '#core/industries/industry_directory'
import { notify } from '#core/notifications/notification_service'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import { alikeCaseCounts, industryExpertUserIds, similarCaseClusters, type CaseCluster } from '#modules/experts/public'
import { exceedsBaseline, FLOOR, problemTerms, seasonalBaseline, WINDOW_DAYS, YEARS_BACK } from '#modules/admin/outbreaks/baseline'
import OutbreakAlert from '#modules/admin/outbreaks/outbreak_alert'

export const OUTBREAK_SUBJECT = 'admin.outbreak_alert'
export const DETECT_OUTBREAKS = 'admin.detect_outbreaks'
/** Who is told of an alert: the county's centre and its city's. */
const CENTRE_ROLES = ['center_staff', 'center_admin'] as const

const zh = () => i18nManager.locale('zh-CN')
const alertLink = (id: number) => `/admin/outbreaks/${id}`

/**
 * The detection: each county's clusters of similar consultations of the last WINDOW_DAYS
 * (experts' similarCaseClusters, at least FLOOR cases) whose words name a disease, pest
 * or symptom are counted — cases of the county and industry naming one of those words —
 * against the same days of the YEARS_BACK earlier years; a cluster above its seasonal
 * baseline becomes an alert, told in-site to the county's and the city's centre. A cluster any of whose cases is in an earlier alert
 * is not raised again. Neighbouring counties are not pooled: each county stands alone.
 */
export async function detectOutbreaks(options: { countyCode?: string } = {}): Promise<OutbreakAlert[]> {
  const to = DateTime.fromJSDate(clock.now())
  const from = to.minus({ days: WINDOW_DAYS })
  const clusters = await similarCaseClusters({ since: from, countyCode: options.countyCode, minSize: FLOOR })
  const raised: OutbreakAlert[] = []
  for (const cluster of clusters) {
    const problems = problemTerms(cluster.terms)
    if (!problems.length) continue
    const windows = [0, ...Array.from({ length: YEARS_BACK }, (_, index) => index + 1)].map((years) => ({ from: from.minus({ years }).toJSDate(), to: to.minus({ years }).toJSDate() }))
    const [now, ...earlier] = await alikeCaseCounts({ countyCode: cluster.countyCode, industry: cluster.industry, terms: problems, windows })
    const current = Math.max(now, cluster.caseIds.length)
    if (!exceedsBaseline(current, earlier)) continue
    const alert = await raise(cluster, { current, earlier, from, to })
    if (alert) raised.push(alert)
  }
  return raised
}

async function raise(cluster: CaseCluster, counts: { current: number; earlier: number[]; from: DateTime; to: DateTime }) {
  return db.transaction(async (trx) => {
    // One detector at a time per county, so two runs do not both raise a cluster.
    await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [`${DETECT_OUTBREAKS}:${cluster.countyCode}`])
    if (await trx.from('admin_outbreak_alerts').whereRaw('case_ids && ?::bigint[]', [cluster.caseIds]).first()) return null
    const alert = await OutbreakAlert.create(
      {
        countyCode: cluster.countyCode,
        industryCode: cluster.industry,
        terms: cluster.terms,
        caseIds: cluster.caseIds,
        excerpts: cluster.excerpts,
        caseCount: counts.current,
        earlierCounts: counts.earlier,
        baseline: seasonalBaseline(counts.earlier),
        windowFrom: counts.from,
        windowTo: counts.to,
        status: 'open',
      },
      { client: trx }
    )
    const title = await noticeTitle('admin.outbreaks.notice_raised', alert)
    const county = RegionScope.fromRegionCode(alert.countyCode)
    const staff = [...(await holdersAt(county, CENTRE_ROLES, trx)), ...(await holdersAt(county.city, CENTRE_ROLES, trx))]
    for (const userId of new Set(staff.map((person) => person.userId))) {
      await notify(userId, { kind: 'admin.outbreak_alert', title, link: alertLink(alert.id) }, { client: trx })
    }
    return alert
  })
}

async function noticeTitle(key: string, alert: OutbreakAlert) {
  const county = await regionDirectory.fullName(alert.countyCode)
  const industries = await industryNames()
  const text = zh().t(key, { county, industry: industries.get(alert.industryCode) ?? alert.industryCode, count: alert.caseCount, terms: alert.terms.join('、') })
  return [...text].slice(0, 100).join('')
}

/** An alert within the person's scopes, or null: another county's does not exist for them. */
export function alertIn(scopes: RegionScope[], id: unknown) {
  if (!scopes.length || !/^\d{1,18}$/.test(String(id))) return Promise.resolve(null)
  return RegionScope.constrain(OutbreakAlert.query().where('id', String(id)), scopes).first()
}

/**
 * 确认: the verified experts of the alert's industry in its city are told in-site, with the
 * masked questions in the notice (the alert's page is the centres'); returns how many.
 */
export async function confirmAlert(acting: Actor, alert: OutbreakAlert): Promise<number> {
  const experts = await industryExpertUserIds(RegionScope.fromRegionCode(alert.countyCode).city, alert.industryCode)
  const title = await noticeTitle('admin.outbreaks.notice_confirmed', alert)
  await decide(acting, alert, { status: 'confirmed', expertsTold: experts.length }, async (trx) => {
    const body = alert.excerpts.map((excerpt, index) => `${index + 1}. ${excerpt}`).join('\n')
    for (const userId of experts) await notify(userId, { kind: 'admin.outbreak_confirmed', title, body }, { client: trx })
  })
  return experts.length
}

/** 排除: the alert is closed with the centre's reason; nobody else is told. */
export async function dismissAlert(acting: Actor, alert: OutbreakAlert, reason: string) {
  await decide(acting, alert, { status: 'dismissed', dismissReason: reason })
}

async function decide(
  { actor, ip }: Actor,
  alert: OutbreakAlert,
  change: { status: 'confirmed' | 'dismissed'; expertsTold?: number; dismissReason?: string },
  alongside?: (trx: TransactionClientContract) => Promise<void>
) {
  await db.transaction(async (trx) => {
    const changed = await trx
      .from('admin_outbreak_alerts')
      .where('id', alert.id)
      .where('status', 'open')
      .update({ status: change.status, experts_told: change.expertsTold ?? null, dismiss_reason: change.dismissReason ?? null, decided_by: actor.id, decided_at: clock.now(), updated_at: clock.now() })
    if (Number(changed) !== 1) throw new RuleError('admin.outbreaks.errors.decided')
    await alongside?.(trx)
    const action = change.status === 'confirmed' ? 'outbreak.confirm' : 'outbreak.dismiss'
    const changes: AuditChanges = change.dismissReason ? { reason: { old: null, new: change.dismissReason } } : { experts_told: { old: null, new: change.expertsTold ?? 0 } }
    await audit(trx, { actor, action, subjectType: OUTBREAK_SUBJECT, subjectId: alert.id, countyCode: alert.countyCode, ip, changes })
  })
  await alert.refresh()
}
