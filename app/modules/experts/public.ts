/**
 * What other modules may use of the expert service (DESIGN §2). Grows as they need it.
 */
import Expert from '#modules/experts/models/expert'
import { RegionScope } from '#core/regions/region_scope'
export { CONSULTATION_STATES, type ConsultationState } from '#modules/experts/shared/consultation_states'
// Triage: automatic assignment, the centre's manual choice, the deadline sweep.
export { assignExpert, assignByCentre, reassign, reachableExperts, findCandidate } from '#modules/experts/triage/assign_expert'
export { sweepDeadlines, type SweepReport } from '#modules/experts/triage/sweep_deadlines'
// Expert profiles and 找专家: a verified expert by profile id (null otherwise), whether one takes cases, their figures.
export { findVerifiedExpert, availabilityOf, expertFigures, type Availability, type ExpertFigures } from '#modules/experts/profiles/profile_queries'
export { EXPERT_SOURCE } from '#modules/experts/profiles/profile_queries'
export { indexExpert } from '#modules/experts/profiles/profile_actions'
// 找类似 for other modules' 相关信息 (产业信息): vetted knowledge entries first, then solved cases, and where each is read.
export { suggestionsFor, suggestionPath } from '#modules/experts/similar/suggestions'
// Visits and closing: visit statuses (travel costs are integer fen, see #core/money); the 7-day auto-close sweep.
export { VISIT_STATUSES, type VisitStatus } from '#modules/experts/models/visit'
export { sweepSilentConsultations } from '#modules/experts/closing/jobs'
// Plan-scale data (demo:generate): which states count against an expert's load, and the statistics rebuilt after a bulk load.
export { OPEN_FOR_EXPERT, TRIAGE_WINDOW_MS, RESPONSE_WINDOW_MS, AUTO_CLOSE_AFTER_MS, FOLLOWUP_WINDOW_MS } from '#modules/experts/shared/consultation_states'
export { SUBMITTED_IDLE_MS } from '#modules/experts/shared/consultation_states'
// The bench's busiest users: what 分诊台 and 我的案件 list.
export { BOARD_STATES, MY_CASES_STATES } from '#modules/experts/responses/expert_cases'
export { refreshCaseFacts } from '#modules/experts/statistics/refresh'
export { warmDefaultSnapshots } from '#modules/experts/statistics/snapshots'
// 信息员: coverage per village of the registry (admin's coverage page and export), and an officer's village.
export { keptCoverageByCounty, citiesOf, coveredShare, countyCoverage, coverageExportRows, townshipTotals, totalsOf, OFFICERS_PER_VILLAGE, ACTIVE_DAYS } from '#modules/experts/officers/officer_coverage'
export type { CoverageRow, CoverageTotals, VillageCoverage } from '#modules/experts/officers/officer_coverage'
export { officerVillageOf } from '#modules/experts/officers/officer_queries'
// 成果转化 (你发榜我抢单): a person's verified expert profile (its industries and county), or null — who may grab a bounty.
export function verifiedExpertOfUser(userId: number) {
  return Expert.query().where('user_id', userId).where('status', 'verified').first()
}
// The admin dashboard (大数据展示): the statistics of a region and days (kept ten minutes), cases per county, from the rollups.
export { statisticsFor, type StatisticsSnapshot } from '#modules/experts/statistics/snapshots'
export { casesByCounty, type Statistics, type Figures } from '#modules/experts/statistics/compute'
// 六(二) performance and subsidies (admin): each verified expert's and 信息员's figures of a year, read-only.
export { personFigures, type PersonFigures } from '#modules/experts/statistics/person_figures'
// 成果转化's draft demands: clusters of similar consultations asked again and again in a county, read-only.
export { similarCaseClusters, type CaseCluster } from '#modules/experts/similar/case_clusters'
// 疫情预警 (admin): how many cases name a cluster's words in given windows (the seasonal baseline); whom a confirmed alert tells.
export { alikeCaseCounts } from '#modules/experts/similar/alike_counts'
/** The user ids of the verified experts of an industry whose county is in `region`, read-only. */
export async function industryExpertUserIds(region: RegionScope, industry: string): Promise<number[]> {
  const query = Expert.query().where('status', 'verified').whereRaw('industries @> ARRAY[?]::text[]', [industry]).select('user_id')
  return (await RegionScope.constrain(query, [region])).map((expert) => Number(expert.userId))
}
// 成果转化's 服务之星: a city's experts with the most cases of a month, from the people rollups, read-only.
export { serviceStars, STARS_SHOWN, type ServiceStar } from '#modules/experts/statistics/service_stars'
