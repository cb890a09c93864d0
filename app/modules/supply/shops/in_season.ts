import { currentSeason, type Season } from '#core/seasons'
import { RegionScope } from '#core/regions/region_scope'
import Media from '#core/media/media'
import MicroShop from '#modules/supply/models/micro_shop'
import ShopProduct from '#modules/supply/models/shop_product'
import { PER_PAGE, type BrowseFilters } from '#modules/supply/sellers/seller_queries'
import { PRODUCT_SUBJECT } from '#modules/supply/shops/shop_actions'

export interface InSeasonPage {
  season: Season
  products: ShopProduct[]
  shops: Record<number, MicroShop>
  /** Each product's first public photo. */
  photos: Record<number, Media>
  page: number
  hasMore: boolean
}

/**
 * 应季产品: a county's (or city's) public products on offer this farming season and not sold
 * out, newest first, PER_PAGE a page. Products carry their shop's county, so the rows come
 * off one partial index (county prefix, id) with the season and the shop's held state as
 * filters; whether a next page exists comes from one row more. All-year products (no
 * season ticked) are not "in season": they are on the shop's page every day.
 */
export async function inSeasonProducts(filters: BrowseFilters, season: Season = currentSeason()): Promise<InSeasonPage> {
  const code = filters.county || filters.city
  const query = ShopProduct.query()
    .where('held', false)
    .where('sold_out', false)
    .whereRaw('seasons @> ARRAY[?]::text[]', [season])
    .whereExists((shops) => {
      shops.from('supply_micro_shops').whereColumn('supply_micro_shops.id', 'supply_shop_products.shop_id').where('supply_micro_shops.held', false)
      if (filters.industry) shops.whereRaw('supply_micro_shops.industries @> ARRAY[?]::text[]', [filters.industry])
    })
  RegionScope.constrain(query, [code ? RegionScope.fromRegionCode(code) : RegionScope.province], 'supply_shop_products.county_code')
  const rows = await query
    .orderBy('id', 'desc')
    .limit(PER_PAGE + 1)
    .offset((filters.page - 1) * PER_PAGE)
  const products = rows.slice(0, PER_PAGE)
  const shopIds = [...new Set(products.map((product) => Number(product.shopId)))]
  const [shops, media] = products.length
    ? await Promise.all([
        MicroShop.query().whereIn('id', shopIds),
        Media.query()
          .where('subject_type', PRODUCT_SUBJECT)
          .whereIn('subject_id', products.map((product) => product.id))
          .where('visibility', 'public')
          .orderBy('id'),
      ])
    : [[], []]
  const photos: Record<number, Media> = {}
  for (const photo of media) photos[photo.subjectId!] ??= photo
  return {
    season,
    products,
    shops: Object.fromEntries(shops.map((shop) => [Number(shop.id), shop])),
    photos,
    page: filters.page,
    hasMore: rows.length > PER_PAGE,
  }
}
