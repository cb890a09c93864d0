import db from '@adonisjs/lucid/services/db'
import { RegionScope } from '#core/regions/region_scope'

export interface BountyStatisticsRow {
  countyCode: string
  industry: string
  posted: number
  agreed: number
  done: number
  cancelled: number
  /** Sum of the fees agreed (the owners' figures), in fen. */
  feesFen: number
  mismatches: number
}

/**
 * 社会化服务 figures of the bounty board for the centre's scopes: per county and industry,
 * bounties posted, agreed (agreed or done), done and cancelled, the agreed fees and the
 * fee mismatches. Nothing outside the scopes is counted.
 */
export async function bountyStatistics(scopes: RegionScope[]): Promise<BountyStatisticsRow[]> {
  const query = db
    .from('achievements_bounties')
    .groupBy('county_code', 'industry')
    .orderBy('county_code')
    .orderBy('industry')
    .select('county_code', 'industry')
    .select(db.raw('count(*)::int AS posted'))
    .select(db.raw(`count(*) FILTER (WHERE status IN ('agreed', 'done'))::int AS agreed`))
    .select(db.raw(`count(*) FILTER (WHERE status = 'done')::int AS done`))
    .select(db.raw(`count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled`))
    .select(db.raw(`coalesce(sum(owner_fee_fen) FILTER (WHERE status IN ('agreed', 'done')), 0)::bigint AS fees`))
    .select(db.raw('count(*) FILTER (WHERE fee_mismatch)::int AS mismatches'))
  RegionScope.constrain(query, scopes)
  const rows = await query
  return rows.map((row: any) => ({
    countyCode: row.county_code,
    industry: row.industry,
    posted: row.posted,
    agreed: row.agreed,
    done: row.done,
    cancelled: row.cancelled,
    feesFen: Number(row.fees),
    mismatches: row.mismatches,
  }))
}
