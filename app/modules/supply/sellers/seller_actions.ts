import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Actor } from '#core/accounts/acting'
import type { Role } from '#core/accounts/roles'
import { audit, changesOf } from '#core/audit/audit'
import { RuleError } from '#core/http/rule_error'
import { screen } from '#core/moderation/moderation'
import { storePhoto, type UploadedFile } from '#core/media/media_service'
import Seller, { type SellerKind, type SellerStatus } from '#modules/supply/models/seller'
import type { Season } from '#core/seasons'

/** Subject type of sellers in the audit log and of their photos in media. */
export const SELLER_SUBJECT = 'supply.seller'

/** Shop front, licence, products: a few photos are enough to check a seller. */
export const MAX_SELLER_PHOTOS = 6

export interface SellerInput {
  name: string
  kind: SellerKind
  countyCode: string
  /** The main industry first. */
  industries: string[]
  products: string
  shopUrls: string[]
  wechatId: string | null
  phone: string | null
  licenceNumber: string | null
}

/**
 * Which decisions a seller in a status allows: a proposal is selected or removed; a
 * selected seller can be removed (a complaint, a closed shop) and a removed one selected
 * again (the centre changed its mind) — the same decision twice is refused, so two
 * reviewers on one proposal do not both think they decided it.
 */
export function allowedDecision(status: SellerStatus, decision: 'selected' | 'removed'): boolean {
  return status !== decision
}

/**
 * Anyone signed in proposes a seller; it waits for the centre of its county. The text is
 * screened first: listed words of the blocking kind refuse it, the others (or a breaker over
 * the county) flag it for the reviewer, who reads it before anything is public anyway.
 */
export async function proposeSeller({ actor, ip }: Actor, input: SellerInput, photos: UploadedFile[] = []) {
  if (!input.shopUrls.length && !input.wechatId && !input.phone) throw new RuleError('supply.sellers.errors.no_channel', 'shop_urls')
  if (photos.length > MAX_SELLER_PHOTOS) throw new RuleError('supply.sellers.errors.too_many_photos', 'photos', { max: MAX_SELLER_PHOTOS })
  return db.transaction(async (trx) => {
    const screened = await screen({ module: 'supply', countyCode: input.countyCode, text: [input.name, input.products].join('\n') }, trx)
    if (screened.verdict === 'block') throw new RuleError('supply.sellers.errors.blocked', 'products')
    const seller = await Seller.create({ ...input, proposedById: actor.id, status: 'proposed', flagged: screened.verdict === 'hold' }, { client: trx })
    // Private until selected (the proposer and the reviewers of the county see them); a refused photo rolls it all back.
    for (const photo of photos) {
      await storePhoto(photo, { owner: actor, visibility: 'private', countyCode: seller.countyCode, subject: { type: SELLER_SUBJECT, id: seller.id }, client: trx })
    }
    await audit(trx, { actor, action: 'supply.seller_propose', subjectType: SELLER_SUBJECT, subjectId: seller.id, countyCode: seller.countyCode, ip })
    return seller
  })
}

/** Centre staff select (入选) a seller: from now on it is listed. */
export function selectSeller(acting: Actor, actorRole: Role, sellerId: number) {
  return decide(acting, actorRole, sellerId, 'selected', null)
}

/** Centre staff remove a seller with a reason (kept with the record, and in the audit log). */
export function removeSeller(acting: Actor, actorRole: Role, sellerId: number, reason: string) {
  return decide(acting, actorRole, sellerId, 'removed', reason)
}

async function decide({ actor, ip }: Actor, actorRole: Role, sellerId: number, decision: 'selected' | 'removed', reason: string | null) {
  return db.transaction(async (trx: TransactionClientContract) => {
    const seller = await Seller.query({ client: trx }).where('id', sellerId).forUpdate().firstOrFail()
    if (!allowedDecision(seller.status, decision)) throw new RuleError(`supply.sellers.errors.already_${decision}`)
    seller.merge({ status: decision, removalReason: reason, reviewedById: actor.id, reviewedAt: DateTime.now() })
    const changes = changesOf(seller, ['status', 'removalReason'])
    await seller.save()
    // Photos are public exactly while the seller is listed.
    await trx
      .from('media')
      .where({ subject_type: SELLER_SUBJECT, subject_id: seller.id })
      .update({ visibility: decision === 'selected' ? 'public' : 'private' })
    await audit(trx, {
      actor,
      actorRole,
      action: decision === 'selected' ? 'supply.seller_select' : 'supply.seller_remove',
      subjectType: SELLER_SUBJECT,
      subjectId: seller.id,
      countyCode: seller.countyCode,
      ip,
      changes,
    })
    return seller
  })
}

/** Centre staff recommend a selected seller for a season, or clear it (null). */
export async function recommendSeller({ actor, ip }: Actor, actorRole: Role, sellerId: number, season: Season | null) {
  return db.transaction(async (trx) => {
    const seller = await Seller.query({ client: trx }).where('id', sellerId).forUpdate().firstOrFail()
    if (seller.status !== 'selected') throw new RuleError('supply.sellers.errors.recommend_unselected', 'season')
    seller.recommendedSeason = season
    const changes = changesOf(seller, ['recommendedSeason'])
    await seller.save()
    await audit(trx, { actor, actorRole, action: 'supply.seller_recommend', subjectType: SELLER_SUBJECT, subjectId: seller.id, countyCode: seller.countyCode, ip, changes })
    return seller
  })
}
