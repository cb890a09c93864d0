import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Actor } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import Media from '#core/media/media'
import { deleteMedia, storePhoto, type UploadedFile } from '#core/media/media_service'
import { removeDocument } from '#core/text/documents'
import { RuleError } from '#core/http/rule_error'
import type { Season } from '#core/seasons'
import { seasonWords } from '#modules/supply/shops/seasons'
import { holdForReview, onReviewDecision, screen } from '#core/moderation/moderation'
import MicroShop from '#modules/supply/models/micro_shop'
import ShopProduct from '#modules/supply/models/shop_product'
import { indexProducts, indexShopById, PRODUCT_SOURCE } from '#modules/supply/shops/product_index'

/** Subject types of shops and their products (moderation, media, audit). */
export const SHOP_SUBJECT = 'supply.shop'
export const PRODUCT_SUBJECT = 'supply.product'

/** As many photos as the shared photo picker takes. */
export const MAX_PRODUCT_PHOTOS = 9

export interface ShopInput {
  name: string
  countyCode: string
  industries: string[]
  intro: string
  shopUrl: string | null
  wechatId: string | null
  phone: string | null
}

export interface ProductInput {
  name: string
  unit: string
  priceFromFen: number
  priceToFen: number | null
  seasons: Season[]
  stockNote: string
}

/**
 * Screens a shop's or product's text: blocking words refuse it (a message next to
 * `field`); held words, or a breaker over the county, hold it for the centre's review
 * queue, and until a reviewer approves it nobody but the owner sees it.
 */
async function screened(trx: TransactionClientContract, countyCode: string, text: string, field: string) {
  const result = await screen({ module: 'supply', countyCode, text }, trx)
  if (result.verdict === 'block') throw new RuleError('supply.shops.errors.blocked', field)
  return result
}

/** Opens the owner's one micro-shop, or changes it. */
export async function saveShop({ actor, ip }: Actor, input: ShopInput) {
  if (!input.shopUrl && !input.wechatId && !input.phone) throw new RuleError('supply.shops.errors.no_channel', 'wechat_id')
  return db.transaction(async (trx) => {
    const text = [input.name, input.intro].join('\n')
    const result = await screened(trx, input.countyCode, text, 'intro')
    const existing = await MicroShop.query({ client: trx }).where('owner_id', actor.id).forUpdate().first()
    const shop = existing ?? new MicroShop()
    shop.useTransaction(trx)
    shop.merge({ ...input, ownerId: actor.id, held: result.verdict === 'hold' })
    await shop.save()
    if (shop.held) {
      await holdForReview(trx, { module: 'supply', subjectType: SHOP_SUBJECT, subjectId: shop.id, countyCode: shop.countyCode, text, categories: result.categories })
    }
    // Name, place or held state may have changed: the products (their county) and their documents follow.
    await trx.from('supply_shop_products').where('shop_id', shop.id).whereNot('county_code', shop.countyCode).update({ county_code: shop.countyCode })
    await indexProducts(trx, shop)
    await audit(trx, { actor, action: existing ? 'supply.shop_update' : 'supply.shop_open', subjectType: SHOP_SUBJECT, subjectId: shop.id, countyCode: shop.countyCode, ip })
    return shop
  })
}

/** Adds a product with its photos (shrunk and stripped by the media service); all of it or nothing. */
/** The text of a product that content safety reads and a reviewer sees. */
const productText = (input: ProductInput) => [input.name, seasonWords(input.seasons), input.stockNote].join('\n')

function checkProduct(input: ProductInput, photoCount: number) {
  if (photoCount > MAX_PRODUCT_PHOTOS) throw new RuleError('supply.shops.errors.too_many_photos', 'photos', { max: MAX_PRODUCT_PHOTOS })
  if (input.priceToFen !== null && input.priceToFen < input.priceFromFen) throw new RuleError('supply.shops.errors.price_order', 'price_to')
}

export async function addProduct({ actor }: Actor, shop: MicroShop, input: ProductInput, photos: UploadedFile[]) {
  checkProduct(input, photos.length)
  return db.transaction(async (trx) => {
    const text = productText(input)
    const result = await screened(trx, shop.countyCode, text, 'product_name')
    const held = result.verdict === 'hold'
    const product = await ShopProduct.create({ ...input, shopId: shop.id, countyCode: shop.countyCode, held, soldOut: false }, { client: trx })
    // A refused photo (MediaRejectedError, a RuleError on 'photos') rolls the product back with it.
    for (const photo of photos) {
      await storePhoto(photo, {
        owner: actor,
        // Public with the product; a held product's photos wait with it.
        visibility: held || shop.held ? 'private' : 'public',
        countyCode: shop.countyCode,
        subject: { type: PRODUCT_SUBJECT, id: product.id },
        client: trx,
      })
    }
    await indexProducts(trx, shop, [product])
    if (held) {
      await holdForReview(trx, { module: 'supply', subjectType: PRODUCT_SUBJECT, subjectId: product.id, countyCode: shop.countyCode, text, categories: result.categories })
    }
    return product
  })
}

/**
 * The owner changes a product: its text, seasons, and photos (those it keeps, plus new
 * ones; at most MAX_PRODUCT_PHOTOS together). The new text is screened like a new
 * product's: held words hold it (photos private) for the review queue; clean text
 * publishes it and ends a review of what it said before. All of it or nothing; the
 * dropped photos' files go after the transaction.
 */
export async function updateProduct(
  { actor, ip }: Actor,
  shop: MicroShop,
  product: ShopProduct,
  input: ProductInput,
  change: { keptPublicIds: string[]; photos: UploadedFile[] }
) {
  const current = await Media.query().where({ subject_type: PRODUCT_SUBJECT, subject_id: product.id }).orderBy('id')
  const kept = new Set(change.keptPublicIds)
  const dropped = current.filter((photo) => !kept.has(photo.publicId))
  checkProduct(input, current.length - dropped.length + change.photos.length)
  await db.transaction(async (trx) => {
    const text = productText(input)
    const result = await screened(trx, shop.countyCode, text, 'product_name')
    const held = result.verdict === 'hold'
    product.useTransaction(trx)
    product.merge({ ...input, countyCode: shop.countyCode, held })
    await product.save()
    const visibility = held || shop.held ? 'private' : 'public'
    if (dropped.length) await trx.from('media').whereIn('id', dropped.map((photo) => photo.id)).update({ subject_type: null, subject_id: null })
    await trx.from('media').where({ subject_type: PRODUCT_SUBJECT, subject_id: product.id }).update({ visibility })
    for (const photo of change.photos) {
      await storePhoto(photo, { owner: actor, visibility, countyCode: shop.countyCode, subject: { type: PRODUCT_SUBJECT, id: product.id }, client: trx })
    }
    await trx.from('moderation_reviews').where({ subject_type: PRODUCT_SUBJECT, subject_id: String(product.id), status: 'pending' }).delete()
    if (held) {
      await holdForReview(trx, { module: 'supply', subjectType: PRODUCT_SUBJECT, subjectId: product.id, countyCode: shop.countyCode, text, categories: result.categories })
    }
    await indexProducts(trx, shop, [product])
    await audit(trx, { actor, action: 'supply.product_update', subjectType: PRODUCT_SUBJECT, subjectId: product.id, countyCode: shop.countyCode, ip })
  })
  for (const photo of dropped) await deleteMedia(photo)
  return product
}

/** The owner's product by id, or null: another shop's product does not exist for them. */
export function ownProduct(shop: MicroShop, productId: number | string) {
  if (!/^\d{1,18}$/.test(String(productId))) return Promise.resolve(null)
  return ShopProduct.query().where('id', productId).where('shop_id', shop.id).first()
}

export async function setSoldOut(product: ShopProduct, soldOut: boolean) {
  product.soldOut = soldOut
  await product.save()
  return product
}

// A reviewer's decision on held shop or product text: approved content is published, rejected stays hidden.
onReviewDecision(SHOP_SUBJECT, async (trx, subjectId, decision) => {
  await trx.from('supply_micro_shops').where('id', subjectId).update({ held: decision !== 'approved' })
  if (decision === 'approved') await publishPhotosOf(trx, trx.from('supply_shop_products').where('shop_id', subjectId).where('held', false).select('id'))
  await indexShopById(trx, subjectId)
})
onReviewDecision(PRODUCT_SUBJECT, async (trx, subjectId, decision) => {
  await trx.from('supply_shop_products').where('id', subjectId).update({ held: decision !== 'approved' })
  if (decision === 'approved') await publishPhotosOf(trx, [subjectId])
  const product = await ShopProduct.query({ client: trx }).where('id', subjectId).first()
  if (product) await indexShopById(trx, product.shopId)
})

async function publishPhotosOf(trx: TransactionClientContract, productIds: number[] | ReturnType<TransactionClientContract['from']>) {
  await trx.from('media').where('subject_type', PRODUCT_SUBJECT).whereIn('subject_id', productIds as any).update({ visibility: 'public' })
}

/**
 * Someone reports a shop (fraud, a fake product, abuse): it goes to the centre's review
 * queue with the reason, and stays up meanwhile; a reviewer who rejects it hides it. One
 * pending entry per shop however many reports come (a new report refreshes it).
 */
export async function reportShop({ actor, ip }: Actor, shop: MicroShop, reason: string) {
  await db.transaction(async (trx) => {
    await holdForReview(trx, {
      module: 'supply',
      subjectType: SHOP_SUBJECT,
      subjectId: shop.id,
      countyCode: shop.countyCode,
      text: [reason, shop.name, shop.intro].filter(Boolean).join('\n'),
      categories: [],
    })
    await audit(trx, { actor, action: 'supply.shop_report', subjectType: SHOP_SUBJECT, subjectId: shop.id, countyCode: shop.countyCode, ip })
  })
}

/** How many shop phones one person may reveal an hour: enough to call around, too few to harvest. */
export const PHONE_REVEALS_PER_HOUR = 20

/** Counts a phone reveal against the person's hourly allowance; past it, a Chinese refusal. */
export async function consumePhoneReveal(userId: number) {
  try {
    await limiter.use({ requests: PHONE_REVEALS_PER_HOUR, duration: '1 hour' }).consume(`supply:phone:${userId}`)
  } catch (error) {
    if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) throw new RuleError('supply.shops.errors.reveal_limit', 'form')
    throw error
  }
}

/**
 * Takes a product off the shop for good: its row, its search document and its photos
 * (rows in the transaction, files after it, as the media service deletes them).
 */
export async function deleteProduct(product: ShopProduct) {
  const photos = await Media.query().where({ subject_type: PRODUCT_SUBJECT, subject_id: product.id })
  await db.transaction(async (trx) => {
    await removeDocument(PRODUCT_SOURCE, String(product.id), trx)
    await trx.from('moderation_reviews').where({ subject_type: PRODUCT_SUBJECT, subject_id: String(product.id), status: 'pending' }).delete()
    product.useTransaction(trx)
    await product.delete()
  })
  for (const photo of photos) await deleteMedia(photo)
}
