import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { industryNames } from '#core/industries/industry_directory'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import { search, upsertDocument } from '#core/text/documents'
import MicroShop from '#modules/supply/models/micro_shop'
import ShopProduct from '#modules/supply/models/shop_product'
import { seasonWords } from '#modules/supply/shops/seasons'

/** text_documents.source_type of micro-shop products (the shop list's search box). */
export const PRODUCT_SOURCE = 'supply.product'

/**
 * Keeps a product's search document in step: its name, seasons (in words) and stock note with the
 * shop's name, place and industry (so "大邑 草莓" finds it), public only while neither
 * the product nor its shop is held.
 */
export async function indexProducts(trx: TransactionClientContract, shop: MicroShop, products?: ShopProduct[]) {
  const rows = products ?? (await ShopProduct.query({ client: trx }).where('shop_id', shop.id))
  if (!rows.length) return
  const place = await regionDirectory.fullName(shop.countyCode)
  const industry = (await industryNames()).get(shop.industries[0]) ?? ''
  for (const product of rows) {
    await upsertDocument(
      {
        sourceType: PRODUCT_SOURCE,
        sourceId: String(product.id),
        industry: shop.industries[0],
        county: shop.countyCode,
        text: [product.name, seasonWords(product.seasons), product.stockNote, shop.name, place, industry].filter(Boolean).join('\n'),
        public: !product.held && !shop.held,
      },
      trx
    )
  }
}

/** Reindexes a shop's products by shop id (after a reviewer's decision). */
export async function indexShopById(trx: TransactionClientContract, shopId: number) {
  const shop = await MicroShop.query({ client: trx }).where('id', shopId).first()
  if (shop) await indexProducts(trx, shop)
}

export const SEARCH_PER_PAGE = 20

/** Public products matching the words, in the filters' region and industry, with their shops. */
export async function searchProducts(q: string, filters: { city: string; county: string; industry: string; page: number }) {
  const code = filters.county || filters.city
  const hits = await search(q, {
    sourceType: PRODUCT_SOURCE,
    industry: filters.industry || null,
    scope: code ? RegionScope.fromRegionCode(code) : RegionScope.province,
    limit: SEARCH_PER_PAGE + 1,
    offset: (filters.page - 1) * SEARCH_PER_PAGE,
  })
  const shown = hits.slice(0, SEARCH_PER_PAGE)
  const ids = shown.map((hit) => Number(hit.sourceId)).filter((id) => Number.isSafeInteger(id))
  const products = ids.length ? await ShopProduct.query().whereIn('id', ids).where('held', false) : []
  // bigint ids come back from Postgres as strings: key by number.
  const byId = new Map(products.map((product) => [Number(product.id), product]))
  const shops = products.length ? await MicroShop.query().whereIn('id', [...new Set(products.map((p) => p.shopId))]) : []
  const shopById = new Map(shops.map((shop) => [Number(shop.id), shop]))
  const results = shown.flatMap((hit) => {
    const product = byId.get(Number(hit.sourceId))
    const shop = product && shopById.get(Number(product.shopId))
    return product && shop && !shop.held ? [{ product, shop, snippet: hit.snippet }] : []
  })
  return { results, page: filters.page, hasMore: hits.length > SEARCH_PER_PAGE }
}
