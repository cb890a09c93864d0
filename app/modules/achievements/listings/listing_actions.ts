import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Actor } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { RuleError } from '#core/http/rule_error'
import { holdForReview, onReviewDecision, screen } from '#core/moderation/moderation'
import { checkBudget, checkPatent } from '#modules/achievements/listings/listing_rules'
import { indexListing } from '#modules/achievements/matching/listing_index'
import { pushMatchesOf } from '#modules/achievements/matching/push'
import { SUBJECTS, type IpStatus, type ListingKind, type Maturity, type Side } from '#modules/achievements/shared/vocabulary'
import { modelOf, type Listing } from '#modules/achievements/shared/listings'

export { SUBJECTS }


interface CommonInput {
  kind: ListingKind
  title: string
  description: string
  industries: string[]
  countyCode: string
}

export interface DemandInput extends CommonInput {
  budgetMinFen: number | null
  budgetMaxFen: number | null
  deadline: DateTime | null
}

export interface OfferInput extends CommonInput {
  maturity: Maturity
  ipStatus: IpStatus
  patentNumber: string | null
}

export type ListingInput = DemandInput | OfferInput

/** The text content safety reads, a reviewer sees and the matcher compares. */
export const listingText = (listing: Pick<CommonInput, 'title' | 'description'>) => [listing.title, listing.description].join('\n')

function check(side: Side, input: ListingInput) {
  if (side === 'demands') {
    const demand = input as DemandInput
    checkBudget(demand.budgetMinFen, demand.budgetMaxFen)
  } else {
    const offer = input as OfferInput
    checkPatent(offer.ipStatus, offer.patentNumber)
  }
}

/**
 * Screens the text: blocking words refuse it (a message under the description); held
 * words, or a breaker over the county, hold it for the centre's review queue, and until
 * a reviewer approves it nobody but the owner sees it.
 */
async function screened(trx: TransactionClientContract, input: CommonInput) {
  const result = await screen({ module: 'achievements', countyCode: input.countyCode, text: listingText(input) }, trx)
  if (result.verdict === 'block') throw new RuleError('achievements.listings.errors.blocked', 'description')
  return result
}

/**
 * 发布: a demand or an offer, public at once when its text passes, or held for review.
 * A published one is indexed for matching and its best matches pushed to both owners.
 */
export async function publishListing({ actor, ip }: Actor, side: Side, input: ListingInput): Promise<Listing> {
  check(side, input)
  const listing = await db.transaction(async (trx) => {
    const result = await screened(trx, input)
    const status = result.verdict === 'hold' ? 'held' : 'published'
    const created: Listing = await modelOf(side).create({ ...(input as any), ownerId: actor.id, status }, { client: trx })
    if (status === 'held') {
      await holdForReview(trx, { module: 'achievements', subjectType: SUBJECTS[side], subjectId: created.id, countyCode: created.countyCode, text: listingText(input), categories: result.categories })
    }
    await indexListing(trx, side, created)
    await audit(trx, { actor, action: `${SUBJECTS[side]}_publish`, subjectType: SUBJECTS[side], subjectId: created.id, countyCode: created.countyCode, ip })
    return created
  })
  if (listing.status === 'published') await pushMatchesOf(side, listing)
  return listing
}

/**
 * The owner's change: screened again like new text (held words hold it until a reviewer
 * approves; clean text publishes it and ends a review of what it said before). A
 * withdrawn listing stays withdrawn.
 */
export async function updateListing({ actor, ip }: Actor, side: Side, listing: Listing, input: ListingInput): Promise<Listing> {
  check(side, input)
  await db.transaction(async (trx) => {
    const result = await screened(trx, input)
    listing.useTransaction(trx)
    listing.merge(input as any)
    if (listing.status !== 'withdrawn') listing.status = result.verdict === 'hold' ? 'held' : 'published'
    await listing.save()
    await trx.from('moderation_reviews').where({ subject_type: SUBJECTS[side], subject_id: String(listing.id), status: 'pending' }).delete()
    if (listing.status === 'held') {
      await holdForReview(trx, { module: 'achievements', subjectType: SUBJECTS[side], subjectId: listing.id, countyCode: listing.countyCode, text: listingText(input), categories: result.categories })
    }
    await indexListing(trx, side, listing)
    await audit(trx, { actor, action: `${SUBJECTS[side]}_update`, subjectType: SUBJECTS[side], subjectId: listing.id, countyCode: listing.countyCode, ip })
  })
  return listing
}

/** 撤回: the owner takes it down; it leaves the public list, the matches and the review queue. */
export async function withdrawListing({ actor, ip }: Actor, side: Side, listing: Listing) {
  if (listing.status === 'withdrawn') throw new RuleError('achievements.listings.errors.already_withdrawn')
  await db.transaction(async (trx) => {
    listing.useTransaction(trx)
    listing.status = 'withdrawn'
    await listing.save()
    await trx.from('moderation_reviews').where({ subject_type: SUBJECTS[side], subject_id: String(listing.id), status: 'pending' }).delete()
    await indexListing(trx, side, listing)
    await audit(trx, { actor, action: `${SUBJECTS[side]}_withdraw`, subjectType: SUBJECTS[side], subjectId: listing.id, countyCode: listing.countyCode, ip })
  })
  return listing
}

/** The owner's listing by id, or null: someone else's does not exist for them. */
export function ownListing(side: Side, ownerId: number, id: unknown) {
  if (!/^\d{1,18}$/.test(String(id))) return Promise.resolve(null)
  return modelOf(side).query().where('id', String(id)).where('owner_id', ownerId).first() as Promise<Listing | null>
}

/** A published listing by id, or null (held, withdrawn and unknown alike). */
export function publishedListing(side: Side, id: unknown) {
  if (!/^\d{1,18}$/.test(String(id))) return Promise.resolve(null)
  return modelOf(side).query().where('id', String(id)).where('status', 'published').first() as Promise<Listing | null>
}

// A reviewer's decision on held text: approved is published (and matched), rejected stays hidden.
for (const side of ['demands', 'offers'] as const) {
  onReviewDecision(SUBJECTS[side], async (trx, subjectId, decision) => {
    const listing = await modelOf(side).query({ client: trx }).where('id', subjectId).first()
    if (!listing || listing.status === 'withdrawn') return
    listing.status = decision === 'approved' ? 'published' : 'held'
    await listing.save()
    await indexListing(trx, side, listing)
  })
}
