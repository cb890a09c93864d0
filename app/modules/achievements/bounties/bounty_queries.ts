import db from '@adonisjs/lucid/services/db'
import { RegionScope } from '#core/regions/region_scope'
import Bounty from '#modules/achievements/models/bounty'
import BountyClaim from '#modules/achievements/models/bounty_claim'

export const PER_PAGE = 20

export interface BountyFilters {
  city: string
  county: string
  industry: string
  page: number
}

/** Open bounties (not held) on the board, newest first; a next page known from one row more. */
export async function openBounties(filters: BountyFilters) {
  const query = Bounty.query().where('status', 'open').where('held', false)
  const code = filters.county || filters.city
  if (code) RegionScope.constrain(query, [RegionScope.fromRegionCode(code)])
  if (filters.industry) query.where('industry', filters.industry)
  const rows = await query
    .orderBy('id', 'desc')
    .limit(PER_PAGE + 1)
    .offset((filters.page - 1) * PER_PAGE)
  return { bounties: rows.slice(0, PER_PAGE), page: filters.page, hasMore: rows.length > PER_PAGE }
}

/**
 * A bounty as the person may see it: the board's (open, not held) for everyone, and in
 * any state for its owner and for experts who grabbed it. Anyone else: null (404).
 */
export async function visibleBounty(id: unknown, userId: number | null) {
  if (!/^\d{1,18}$/.test(String(id))) return null
  const bounty = await Bounty.find(String(id))
  if (!bounty) return null
  if (bounty.status === 'open' && !bounty.held) return bounty
  if (userId === null) return null
  if (bounty.ownerId === userId) return bounty
  const claim = await BountyClaim.query().where({ bounty_id: bounty.id, expert_user_id: userId }).first()
  return claim ? bounty : null
}

/** The grabs of a bounty with the experts' names, oldest first (the owner's list to pick from). */
export async function claimsOf(bounty: Bounty) {
  const claims = await BountyClaim.query().where('bounty_id', bounty.id).orderBy('id')
  const users = claims.length ? await db.from('users').whereIn('id', claims.map((claim) => claim.expertUserId)).select('id', 'name') : []
  const names = new Map(users.map((user) => [Number(user.id), user.name as string | null]))
  return claims.map((claim) => ({ claim, name: names.get(Number(claim.expertUserId)) ?? '' }))
}

/** The person's bounties: posted, and grabbed. */
export async function bountiesOf(userId: number) {
  const [posted, grabbedIds] = await Promise.all([
    Bounty.query().where('owner_id', userId).orderBy('id', 'desc').limit(50),
    BountyClaim.query().where('expert_user_id', userId).orderBy('id', 'desc').limit(50),
  ])
  const grabbed = grabbedIds.length ? await Bounty.query().whereIn('id', grabbedIds.map((claim) => claim.bountyId)).orderBy('id', 'desc') : []
  return { posted, grabbed }
}
