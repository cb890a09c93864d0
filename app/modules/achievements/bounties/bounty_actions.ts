import type { DateTime } from 'luxon'
import i18nManager from '@adonisjs/i18n/services/main'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#core/accounts/models/user'
import type { Actor } from '#core/accounts/acting'
import { narrowestStaffOf } from '#core/accounts/role_grants'
import { audit } from '#core/audit/audit'
import { clock, today } from '#core/clock'
import { RuleError } from '#core/http/rule_error'
import { holdForReview, onReviewDecision, screen } from '#core/moderation/moderation'
import { notify } from '#core/notifications/notification_service'
import { verifiedExpertOfUser } from '#modules/experts/public'
import Bounty from '#modules/achievements/models/bounty'
import BountyClaim from '#modules/achievements/models/bounty_claim'
import { checkBudget } from '#modules/achievements/listings/listing_rules'
import { assertMove, feeMismatch, type AwardMode, type BountyStatus } from '#modules/achievements/bounties/bounty_states'

export const BOUNTY_SUBJECT = 'achievements.bounty'
const zh = () => i18nManager.locale('zh-CN')
const short = (text: string, length = 20) => (text.length > length ? `${text.slice(0, length)}…` : text)
export const bountyPath = (id: number) => `/achievements/bounties/${id}`

export interface BountyInput {
  title: string
  description: string
  industry: string
  countyCode: string
  budgetMinFen: number | null
  budgetMaxFen: number | null
  deadline: DateTime
  awardMode: AwardMode
}

/** One row per transition: who, when, from, to, why. */
async function moveTo(trx: TransactionClientContract, bounty: Bounty, to: BountyStatus, actor: User | null, note: string | null = null) {
  const from = bounty.status
  assertMove(from, to)
  bounty.status = to
  await bounty.save()
  await trx.insertQuery().table('achievements_bounty_events').insert({ bounty_id: bounty.id, actor_id: actor?.id ?? null, from_status: from, to_status: to, note, created_at: clock.now() })
}

/** The bounty, locked for the change, or a refusal if it moved away meanwhile. */
function locked(trx: TransactionClientContract, bounty: Bounty) {
  return Bounty.query({ client: trx }).where('id', bounty.id).forUpdate().firstOrFail()
}

/** 发榜: screened like every dynamic text; held text waits for review and is not on the board meanwhile. */
export async function postBounty({ actor, ip }: Actor, input: BountyInput) {
  checkBudget(input.budgetMinFen, input.budgetMaxFen)
  return db.transaction(async (trx) => {
    const text = [input.title, input.description].join('\n')
    const result = await screen({ module: 'achievements', countyCode: input.countyCode, text }, trx)
    if (result.verdict === 'block') throw new RuleError('achievements.listings.errors.blocked', 'description')
    const bounty = await Bounty.create({ ...input, ownerId: actor.id, status: 'open', held: result.verdict === 'hold', feeMismatch: false }, { client: trx })
    await trx.insertQuery().table('achievements_bounty_events').insert({ bounty_id: bounty.id, actor_id: actor.id, from_status: null, to_status: 'open', note: null, created_at: clock.now() })
    if (bounty.held) {
      await holdForReview(trx, { module: 'achievements', subjectType: BOUNTY_SUBJECT, subjectId: bounty.id, countyCode: bounty.countyCode, text, categories: result.categories })
    }
    await audit(trx, { actor, action: 'achievements.bounty_post', subjectType: BOUNTY_SUBJECT, subjectId: bounty.id, countyCode: bounty.countyCode, ip })
    return bounty
  })
}

/** Chooses a grab: the bounty is claimed by its expert, the other grabs are not chosen, the expert is told. */
async function choose(trx: TransactionClientContract, bounty: Bounty, claim: BountyClaim, actor: User) {
  await moveTo(trx, bounty, 'claimed', actor, bounty.awardMode === 'first_qualified' ? 'first_qualified' : null)
  bounty.claimId = claim.id
  await bounty.save()
  await trx.from('achievements_bounty_claims').where('bounty_id', bounty.id).update({ status: 'not_chosen' })
  await trx.from('achievements_bounty_claims').where('id', claim.id).update({ status: 'chosen' })
  claim.status = 'chosen'
  await notify(claim.expertUserId, { kind: 'achievements.bounty', title: zh().t('achievements.bounties.notices.chosen', { title: short(bounty.title) }), link: bountyPath(bounty.id) }, { client: trx })
}

/**
 * 抢单: a verified expert whose industries include the bounty's grabs it with a proposal,
 * once. With "first qualified wins" the first grab claims the bounty at once; otherwise
 * the owner is told and picks.
 */
export async function grabBounty({ actor, ip }: Actor, bounty: Bounty, proposal: string) {
  if (bounty.ownerId === actor.id) throw new RuleError('achievements.bounties.errors.own_bounty', 'proposal')
  const expert = await verifiedExpertOfUser(actor.id)
  if (!expert) throw new RuleError('achievements.bounties.errors.not_verified', 'proposal')
  if (!expert.industries.includes(bounty.industry)) throw new RuleError('achievements.bounties.errors.wrong_industry', 'proposal')
  return db.transaction(async (trx) => {
    const current = await locked(trx, bounty)
    if (current.status !== 'open' || current.held) throw new RuleError('achievements.bounties.errors.not_open', 'proposal')
    if (current.deadline < today()) throw new RuleError('achievements.bounties.errors.past_deadline', 'proposal')
    const existing = await BountyClaim.query({ client: trx }).where({ bounty_id: current.id, expert_user_id: actor.id }).first()
    if (existing) throw new RuleError('achievements.bounties.errors.already_grabbed', 'proposal')
    const claim = await BountyClaim.create({ bountyId: current.id, expertUserId: actor.id, proposal, status: 'waiting' }, { client: trx })
    if (current.awardMode === 'first_qualified') {
      await choose(trx, current, claim, actor)
      await notify(current.ownerId, { kind: 'achievements.bounty', title: zh().t('achievements.bounties.notices.won_first', { title: short(current.title) }), link: bountyPath(current.id) }, { client: trx })
    } else {
      await notify(current.ownerId, { kind: 'achievements.bounty', title: zh().t('achievements.bounties.notices.grabbed', { title: short(current.title) }), link: bountyPath(current.id) }, { client: trx })
    }
    await audit(trx, { actor, action: 'achievements.bounty_grab', subjectType: BOUNTY_SUBJECT, subjectId: current.id, countyCode: current.countyCode, ip })
    return { bounty: current, claim }
  })
}

/** 选定: the owner picks one of the grabs of their open bounty. */
export async function pickClaim({ actor, ip }: Actor, bounty: Bounty, claimId: number) {
  return db.transaction(async (trx) => {
    const current = await locked(trx, bounty)
    const claim = await BountyClaim.query({ client: trx }).where({ id: claimId, bounty_id: current.id }).first()
    if (!claim) throw new RuleError('achievements.bounties.errors.no_such_claim')
    await choose(trx, current, claim, actor)
    await audit(trx, { actor, action: 'achievements.bounty_pick', subjectType: BOUNTY_SUBJECT, subjectId: current.id, countyCode: current.countyCode, ip })
    return current
  })
}

/** The chosen expert's user id, or null before one is chosen. */
export async function chosenExpertOf(bounty: Bounty, client?: TransactionClientContract) {
  if (!bounty.claimId) return null
  const claim = await BountyClaim.query({ client }).where('id', bounty.claimId).first()
  return claim?.expertUserId ?? null
}

/** Which side of the bounty the person is on, if any. */
export async function partyOf(bounty: Bounty, userId: number, client?: TransactionClientContract): Promise<'owner' | 'expert' | null> {
  if (bounty.ownerId === userId) return 'owner'
  return (await chosenExpertOf(bounty, client)) === userId ? 'expert' : null
}

/** 开始洽谈: the chosen expert takes the bounty up; the two now talk off the platform. */
export async function startNegotiation({ actor, ip }: Actor, bounty: Bounty) {
  return db.transaction(async (trx) => {
    const current = await locked(trx, bounty)
    if ((await partyOf(current, actor.id, trx)) !== 'expert') throw new RuleError('achievements.bounties.errors.not_party')
    await moveTo(trx, current, 'negotiating', actor)
    await notify(current.ownerId, { kind: 'achievements.bounty', title: zh().t('achievements.bounties.notices.negotiating', { title: short(current.title) }), link: bountyPath(current.id) }, { client: trx })
    await audit(trx, { actor, action: 'achievements.bounty_negotiate', subjectType: BOUNTY_SUBJECT, subjectId: current.id, countyCode: current.countyCode, ip })
    return current
  })
}

/**
 * 报告费用: each side reports the fee they agreed (0 for free help). When both have, the
 * bounty is agreed; if the two figures differ the mismatch is flagged and the county
 * centre told, so the 社会化服务 record is checked.
 */
export async function reportFee({ actor, ip }: Actor, bounty: Bounty, feeFen: number) {
  return db.transaction(async (trx) => {
    const current = await locked(trx, bounty)
    const party = await partyOf(current, actor.id, trx)
    if (!party) throw new RuleError('achievements.bounties.errors.not_party')
    if (current.status !== 'negotiating') throw new RuleError(`achievements.bounties.errors.state_${current.status}`, 'fee')
    if (party === 'owner') current.ownerFeeFen = feeFen
    else current.expertFeeFen = feeFen
    await current.save()
    if (current.ownerFeeFen !== null && current.expertFeeFen !== null) {
      current.feeMismatch = feeMismatch(current.ownerFeeFen, current.expertFeeFen)
      await moveTo(trx, current, 'agreed', actor, current.feeMismatch ? 'fee_mismatch' : null)
      if (current.feeMismatch) {
        for (const staffId of await narrowestStaffOf(current.countyCode, ['center_staff', 'center_admin'], { client: trx })) {
          await notify(staffId, { kind: 'achievements.fee_mismatch', title: zh().t('achievements.bounties.notices.fee_mismatch', { title: short(current.title) }), link: bountyPath(current.id) }, { client: trx })
        }
      }
    }
    await audit(trx, { actor, action: 'achievements.bounty_fee', subjectType: BOUNTY_SUBJECT, subjectId: current.id, countyCode: current.countyCode, ip })
    return current
  })
}

/** 评价: each side rates the other once the fee is agreed; when both have, the bounty is done. */
export async function rateBounty({ actor, ip }: Actor, bounty: Bounty, rating: number) {
  return db.transaction(async (trx) => {
    const current = await locked(trx, bounty)
    const party = await partyOf(current, actor.id, trx)
    if (!party) throw new RuleError('achievements.bounties.errors.not_party')
    if (current.status !== 'agreed') throw new RuleError(`achievements.bounties.errors.state_${current.status}`, 'rating')
    if ((party === 'owner' ? current.ownerRating : current.expertRating) !== null) throw new RuleError('achievements.bounties.errors.already_rated', 'rating')
    if (party === 'owner') current.ownerRating = rating
    else current.expertRating = rating
    await current.save()
    if (current.ownerRating !== null && current.expertRating !== null) await moveTo(trx, current, 'done', actor)
    await audit(trx, { actor, action: 'achievements.bounty_rate', subjectType: BOUNTY_SUBJECT, subjectId: current.id, countyCode: current.countyCode, ip })
    return current
  })
}

/** 撤榜: the owner cancels with a reason while nothing is agreed; the chosen expert is told. */
export async function cancelBounty({ actor, ip }: Actor, bounty: Bounty, reason: string) {
  return db.transaction(async (trx) => {
    const current = await locked(trx, bounty)
    if (current.ownerId !== actor.id) throw new RuleError('achievements.bounties.errors.not_party')
    await moveTo(trx, current, 'cancelled', actor, reason)
    current.cancelReason = reason
    await current.save()
    const expertId = await chosenExpertOf(current, trx)
    if (expertId) await notify(expertId, { kind: 'achievements.bounty', title: zh().t('achievements.bounties.notices.cancelled', { title: short(current.title) }), link: bountyPath(current.id) }, { client: trx })
    await audit(trx, { actor, action: 'achievements.bounty_cancel', subjectType: BOUNTY_SUBJECT, subjectId: current.id, countyCode: current.countyCode, ip })
    return current
  })
}

/**
 * The deadline sweep (a job every 10 minutes, idempotent): an open bounty whose deadline
 * day has passed without a chosen expert is cancelled, its owner told.
 */
export async function sweepBountyDeadlines() {
  const due = await Bounty.query().where('status', 'open').where('deadline', '<', today().toISODate()!).orderBy('id').limit(500)
  let cancelled = 0
  for (const bounty of due) {
    await db.transaction(async (trx) => {
      const current = await locked(trx, bounty)
      if (current.status !== 'open') return
      const reason = zh().t('achievements.bounties.deadline_passed')
      await moveTo(trx, current, 'cancelled', null, reason)
      current.cancelReason = reason
      await current.save()
      await notify(current.ownerId, { kind: 'achievements.bounty', title: zh().t('achievements.bounties.notices.expired', { title: short(current.title) }), link: bountyPath(current.id) }, { client: trx })
      cancelled++
    })
  }
  return cancelled
}

// A reviewer's decision on a held bounty: approved goes on the board, rejected stays off it.
onReviewDecision(BOUNTY_SUBJECT, async (trx, subjectId, decision) => {
  await trx.from('achievements_bounties').where('id', subjectId).update({ held: decision !== 'approved' })
})
