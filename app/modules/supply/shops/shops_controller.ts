import type { HttpContext } from '@adonisjs/core/http'
import { fenToYuan } from '#core/money'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import { RegionScope } from '#core/regions/region_scope'
import { browseFilters, PER_PAGE, type BrowseFilters } from '#modules/supply/sellers/seller_queries'
import Media from '#core/media/media'
import { wasChosen } from '#core/media/media_service'
import MicroShop from '#modules/supply/models/micro_shop'
import type ShopProduct from '#modules/supply/models/shop_product'
import ShopPolicy from '#modules/supply/shops/policy'
import { addProduct, MAX_PRODUCT_PHOTOS, ownProduct, PRODUCT_SUBJECT, reportShop, saveShop, setSoldOut, consumePhoneReveal, deleteProduct, updateProduct, type ProductInput } from '#modules/supply/shops/shop_actions'
import { inSeasonProducts } from '#modules/supply/shops/in_season'
import { orderedSeasons } from '#modules/supply/shops/seasons'
import { SEASONS } from '#core/seasons'
import { searchProducts } from '#modules/supply/shops/product_index'
import { productUpdateValidator, productValidator, reportValidator, SHOP_MESSAGES, shopValidator, soldOutValidator } from '#modules/supply/shops/validators'
import { formOptions, sellerLabels } from '#modules/supply/sellers/seller_views'
import { contactPhoneView } from '#modules/supply/shared/channels'
import { areaMessages } from '#core/http/form_messages'
import { productCard, shopCard } from '#modules/supply/shops/share_card'

/** A product search names a thing or two ("大邑 草莓"), not a paragraph. */
const MAX_QUERY_CHARS = 30
const SHOP_FORM = { errorsTarget: '#shop-form-errors' }
const PRODUCT_FORM = { errorsTarget: '#product-form-errors' }

/** A shop's products per page: a family farm lists a few, a cooperative may list a hundred. */
const PRODUCTS_PER_PAGE = 24

/** ?page= as a page number; anything else is the first page. */
const pageOf = (request: HttpContext['request']) => Math.min(Math.max(Number.parseInt(String(request.input('page', 1)), 10) || 1, 1), 10_000)

/** Photos of products, first stored first, by product id. */
async function photosOf(products: ShopProduct[], publicOnly: boolean) {
  if (!products.length) return {}
  const query = Media.query()
    .where('subject_type', PRODUCT_SUBJECT)
    .whereIn('subject_id', products.map((product) => product.id))
    .orderBy('id')
  if (publicOnly) query.where('visibility', 'public')
  const byProduct: Record<number, Media[]> = {}
  for (const media of await query) (byProduct[media.subjectId!] ??= []).push(media)
  return byProduct
}

/** Public shops matching the filters, newest first. */
function listShops(filters: BrowseFilters) {
  const query = MicroShop.query().where('held', false)
  const code = filters.county || filters.city
  RegionScope.constrain(query, [code ? RegionScope.fromRegionCode(code) : RegionScope.province])
  if (filters.industry) query.whereRaw('industries @> ARRAY[?]::text[]', [filters.industry])
  return query.orderBy('id', 'desc').paginate(filters.page, PER_PAGE)
}

/** The product form's fields as the actions take them. */
function productInput(input: { product_name: string; unit: string; price_from: number; price_to?: number; seasons?: string[]; stock_note?: string }): ProductInput {
  return {
    name: input.product_name,
    unit: input.unit,
    priceFromFen: input.price_from,
    priceToFen: input.price_to ?? null,
    seasons: orderedSeasons(input.seasons),
    stockNote: input.stock_note ?? '',
  }
}

/** The owner's shop and one of its products by id; either missing is null (another shop's product is 404). */
async function ownShopProduct({ auth, params }: HttpContext) {
  const shop = await MicroShop.findBy('ownerId', auth.getUserOrFail().id)
  const product = shop ? await ownProduct(shop, params.id) : null
  return shop && product ? { shop, product } : null
}

/** "8.00–12.00 元/斤" */
export function priceText(product: ShopProduct) {
  const from = fenToYuan(product.priceFromFen)
  return product.priceToFen === null || product.priceToFen === product.priceFromFen ? from : `${from}–${fenToYuan(product.priceToFen)}`
}

/** 农户微商: the owner's own shop and products, and the public shop page. */
export default class ShopsController {
  /** Shops by county (or city) and industry; held ones are nobody's to find. */
  async index(ctx: HttpContext) {
    const filters = await browseFilters(ctx.request.qs())
    const q = typeof ctx.request.qs().q === 'string' ? ctx.request.qs().q.trim().slice(0, MAX_QUERY_CHARS) : ''
    const query = Object.fromEntries(Object.entries({ q, city: filters.city, county_code: filters.county, industry: filters.industry }).filter(([, v]) => v))
    if (q) {
      const found = await searchProducts(q, filters)
      return renderPageOrFragment(ctx, 'supply/shops/pages/index', 'supply/shops/partials/product_results', {
        found,
        q,
        filters,
        query,
        priceText,
        previous: found.page > 1 ? `/supply/shops?${new URLSearchParams({ ...query, page: String(found.page - 1) })}` : null,
        next: found.hasMore ? `/supply/shops?${new URLSearchParams({ ...query, page: String(found.page + 1) })}` : null,
        ...(await sellerLabels(found.results.map((result) => result.shop))),
        ...(await formOptions()),
      })
    }
    const shops = await listShops(filters)
    return renderPageOrFragment(ctx, 'supply/shops/pages/index', 'supply/shops/partials/shop_list', {
      shops,
      q,
      filters,
      query,
      ...(await sellerLabels(shops.all())),
      ...(await formOptions()),
    })
  }

  async show(ctx: HttpContext) {
    if (!/^\d{1,18}$/.test(String(ctx.params.id))) return ctx.response.notFound()
    const shop = await MicroShop.query().where('id', ctx.params.id).where('held', false).first()
    if (!shop) return ctx.response.notFound()
    return this.#page(ctx, shop, false)
  }

  /**
   * 显示电话: the number as a tap-to-call link, for signed-in people within their hourly
   * allowance. The page itself only ever carries the masked number, so neither crawlers
   * nor a signed-in scraper read phones off the pages. htmx gets the phone line; without
   * JavaScript the page comes back with it.
   */
  async revealPhone(ctx: HttpContext) {
    const shop = await MicroShop.query().where('id', ctx.params.id).where('held', false).first()
    if (!shop || !shop.phone) return ctx.response.notFound()
    await guardForm(ctx, { errorsTarget: '#shop-phone-errors' }, () => consumePhoneReveal(ctx.auth.getUserOrFail().id))
    if (wantsFragment(ctx)) return ctx.view.render('supply/shops/partials/phone', { shop, phone: contactPhoneView(shop.phone, true) })
    return this.#page(ctx, shop, true)
  }

  async #page({ view, auth, i18n, request }: HttpContext, shop: MicroShop, revealed: boolean) {
    const products = await shop.related('products').query().where('held', false).orderBy('id', 'desc').paginate(pageOf(request), PRODUCTS_PER_PAGE)
    const photos = await photosOf(products, true)
    const labels = await sellerLabels([shop])
    const firstPhoto = products.map((product) => photos[product.id]?.[0]).find(Boolean)
    return view.render('supply/shops/pages/show', {
      shop,
      products,
      photos,
      priceText,
      phone: contactPhoneView(shop.phone, revealed),
      signedIn: !!auth.user,
      card: shopCard(i18n, shop, labels.regionNames[shop.countyCode] ?? '', labels.industryNames[shop.industries[0]] ?? '', firstPhoto),
      ...labels,
    })
  }

  /** A product's own page (public while neither it nor its shop is held): its photos, price, seasons and the shop's contacts; its share card. */
  async product(ctx: HttpContext) {
    const { params, response, i18n, view, auth } = ctx
    const shop = /^\d{1,18}$/.test(String(params.id)) ? await MicroShop.query().where('id', params.id).where('held', false).first() : null
    const product = shop ? await ownProduct(shop, params.productId) : null
    if (!shop || !product || product.held) return response.notFound()
    const photos = (await photosOf([product], true))[product.id] ?? []
    const seasons = product.seasons.length ? product.seasons.map((season) => i18n.t(`supply.seasons.${season}`)).join('、') : i18n.t('supply.shops.products.all_year')
    return view.render('supply/shops/pages/product', {
      shop,
      product,
      photos,
      priceText,
      seasonsText: seasons,
      phone: contactPhoneView(shop.phone, false),
      signedIn: !!auth.user,
      card: productCard(i18n, shop, product, priceText(product), seasons, photos[0]),
      ...(await sellerLabels([shop])),
    })
  }

  async mine({ view, auth, bouncer, request }: HttpContext) {
    await bouncer.with(ShopPolicy).authorize('open')
    const shop = await MicroShop.findBy('ownerId', auth.getUserOrFail().id)
    const products = shop ? await shop.related('products').query().orderBy('id', 'desc').paginate(pageOf(request), PRODUCTS_PER_PAGE) : []
    return view.render('supply/shops/pages/mine', {
      shop,
      products,
      photos: await photosOf(products, false),
      priceText,
      maxPhotos: MAX_PRODUCT_PHOTOS,
      seasons: SEASONS,
      yuan: fenToYuan,
      ...(await formOptions()),
    })
  }

  async save(ctx: HttpContext) {
    const { request, auth, bouncer, i18n } = ctx
    await bouncer.with(ShopPolicy).authorize('open')
    await guardForm(ctx, SHOP_FORM, async () => {
      const input = await request.validateUsing(shopValidator, { messagesProvider: areaMessages(i18n, SHOP_MESSAGES) })
      return saveShop(
        { actor: auth.getUserOrFail(), ip: request.ip() },
        {
          name: input.name,
          countyCode: input.county_code,
          industries: [input.industry],
          intro: input.intro ?? '',
          shopUrl: input.shop_url ?? null,
          wechatId: input.wechat_id ?? null,
          phone: input.phone ?? null,
        }
      )
    })
    ctx.session.flash('success', i18n.t('supply.shops.mine.saved'))
    return ctx.response.redirect().toRoute('supply.shops.mine')
  }

  async storeProduct(ctx: HttpContext) {
    const { request, auth, bouncer, i18n, response, session } = ctx
    await bouncer.with(ShopPolicy).authorize('open')
    const actor = auth.getUserOrFail()
    const shop = await MicroShop.findBy('ownerId', actor.id)
    if (!shop) return response.redirect().toRoute('supply.shops.mine')
    const product = await guardForm(ctx, PRODUCT_FORM, async () => {
      const input = await request.validateUsing(productValidator, { messagesProvider: areaMessages(i18n, SHOP_MESSAGES) })
      return addProduct({ actor, ip: request.ip() }, shop, productInput(input), request.files('photos', { size: '15mb' }).filter(wasChosen))
    })
    session.flash('success', i18n.t(product.held ? 'supply.shops.products.held' : 'supply.shops.products.added'))
    return response.redirect().toRoute('supply.shops.mine')
  }

  /** 编辑 a product of one's own shop: the form filled in with it and its photos; htmx gets the form alone. */
  async editProduct(ctx: HttpContext) {
    await ctx.bouncer.with(ShopPolicy).authorize('open')
    const own = await ownShopProduct(ctx)
    if (!own) return ctx.response.notFound()
    const photos = await photosOf([own.product], false)
    return renderPageOrFragment(ctx, 'supply/shops/pages/edit_product', 'supply/shops/partials/product_form', {
      product: own.product,
      kept: photos[own.product.id] ?? [],
      seasons: SEASONS,
      maxPhotos: MAX_PRODUCT_PHOTOS,
      yuan: fenToYuan,
    })
  }

  /**
   * Saves an edited product: without JavaScript (or through the upload button's script)
   * back to 我的微商 with a flash; htmx swaps in the product's row. Another shop's product is 404.
   */
  async updateProduct(ctx: HttpContext) {
    const { request, auth, bouncer, i18n, response, view } = ctx
    await bouncer.with(ShopPolicy).authorize('open')
    const own = await ownShopProduct(ctx)
    if (!own) return response.notFound()
    const product = await guardForm(ctx, { errorsTarget: '#product-edit-errors' }, async () => {
      const input = await request.validateUsing(productUpdateValidator, { messagesProvider: areaMessages(i18n, SHOP_MESSAGES) })
      return updateProduct({ actor: auth.getUserOrFail(), ip: request.ip() }, own.shop, own.product, productInput(input), {
        keptPublicIds: input.kept_media ?? [],
        photos: request.files('photos', { size: '15mb' }).filter(wasChosen),
      })
    })
    return formDone(ctx, {
      message: i18n.t(product.held ? 'supply.shops.products.updated_held' : 'supply.shops.products.updated'),
      redirectTo: '/supply/shops/mine',
      fragment: async (status) => view.render('supply/shops/partials/product_row', { product, photos: await photosOf([product], false), priceText, status }),
    })
  }

  /** 应季产品: what a county's micro-shops offer this farming season (city or all Sichuan without one). */
  async inSeason(ctx: HttpContext) {
    const filters = await browseFilters(ctx.request.qs())
    const found = await inSeasonProducts(filters)
    const query = Object.fromEntries(Object.entries({ city: filters.city, county_code: filters.county, industry: filters.industry }).filter(([, v]) => v))
    const pageUrl = (page: number) => `/supply/in-season?${new URLSearchParams({ ...query, page: String(page) })}`
    return renderPageOrFragment(ctx, 'supply/shops/pages/in_season', 'supply/shops/partials/in_season_list', {
      found,
      filters,
      priceText,
      previous: found.page > 1 ? pageUrl(found.page - 1) : null,
      next: found.hasMore ? pageUrl(found.page + 1) : null,
      ...(await sellerLabels(Object.values(found.shops))),
      ...(await formOptions()),
    })
  }

  /** 举报: a public shop to the centre's review queue; htmx swaps the form for the thank-you line. */
  async report(ctx: HttpContext) {
    const { params, request, auth, i18n, response, view } = ctx
    const shop = await MicroShop.query().where('id', params.id).where('held', false).first()
    if (!shop) return response.notFound()
    const { reason } = await guardForm(ctx, { errorsTarget: '#report-errors' }, () =>
      request.validateUsing(reportValidator, { messagesProvider: areaMessages(i18n, SHOP_MESSAGES) })
    )
    await reportShop({ actor: auth.getUserOrFail(), ip: request.ip() }, shop, reason)
    return formDone(ctx, {
      message: i18n.t('supply.shops.report.thanks'),
      redirectTo: `/supply/shops/${shop.id}`,
      fragment: async (status) => view.render('supply/shops/partials/report_form', { shop, status }),
    })
  }

  /** 删除 a product of one's own shop (another shop's product is 404); back to 我的微商. */
  async destroyProduct({ auth, bouncer, params, response, session, i18n }: HttpContext) {
    await bouncer.with(ShopPolicy).authorize('open')
    const shop = await MicroShop.findBy('ownerId', auth.getUserOrFail().id)
    const product = shop ? await ownProduct(shop, params.id) : null
    if (!product) return response.notFound()
    await deleteProduct(product)
    session.flash('success', i18n.t('supply.shops.products.deleted', { name: product.name }))
    return response.redirect().toRoute('supply.shops.mine')
  }

  /** The sold-out toggle: htmx swaps the product's row; without JavaScript the page comes back. */
  async soldOut(ctx: HttpContext) {
    const { request, auth, bouncer, params, response, i18n, view } = ctx
    await bouncer.with(ShopPolicy).authorize('open')
    const shop = await MicroShop.findBy('ownerId', auth.getUserOrFail().id)
    const product = shop ? await ownProduct(shop, params.id) : null
    if (!product) return response.notFound()
    const { sold_out: soldOut } = await guardForm(ctx, { errorsTarget: `#product-${product.id}` }, () =>
      request.validateUsing(soldOutValidator, { messagesProvider: areaMessages(i18n, SHOP_MESSAGES) })
    )
    await setSoldOut(product, soldOut ?? false)
    return formDone(ctx, {
      message: i18n.t(product.soldOut ? 'supply.shops.products.now_sold_out' : 'supply.shops.products.now_available'),
      redirectTo: '/supply/shops/mine',
      fragment: async (status) =>
        view.render('supply/shops/partials/product_row', { product, photos: await photosOf([product], false), priceText, status }),
    })
  }
}
