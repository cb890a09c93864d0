import type { HttpContext } from '@adonisjs/core/http'
import { contactPhoneView } from '#modules/supply/shared/channels'
import { renderPageOrFragment } from '#core/http/render'
import { guardForm } from '#core/http/forms'
import { wasChosen } from '#core/media/media_service'
import { industriesOf } from '#core/industries/industry_rules'
import { shopUrlLines } from '#modules/supply/shared/channels'
import { MAX_SELLER_PHOTOS, proposeSeller } from '#modules/supply/sellers/seller_actions'
import { browseFilters, findSelectedSeller, listSelected } from '#modules/supply/sellers/seller_queries'
import { formOptions, sellerLabels, sellerPhotos } from '#modules/supply/sellers/seller_views'
import { SELLER_MESSAGES, sellerValidator } from '#modules/supply/sellers/validators'
import { areaMessages } from '#core/http/form_messages'

const FORM = { errorsTarget: '#seller-form-errors' }

/** 供销对接: the public list of selected sellers, a seller's page, and proposing one. */
export default class SellersController {
  async index(ctx: HttpContext) {
    const filters = await browseFilters(ctx.request.qs())
    const result = await listSelected(filters)
    const query = Object.fromEntries(
      Object.entries({ city: filters.city, county_code: filters.county, industry: filters.industry, kind: filters.kind }).filter(([, v]) => v)
    )
    const pageLink = (page: number) => `/supply?${new URLSearchParams({ ...query, page: String(page) })}`
    return renderPageOrFragment(ctx, 'supply/sellers/pages/index', 'supply/sellers/partials/seller_list', {
      result,
      filters,
      previous: result.page > 1 ? pageLink(result.page - 1) : null,
      next: result.hasMore ? pageLink(result.page + 1) : null,
      ...(await sellerLabels([...result.recommended, ...result.sellers])),
      ...(await formOptions()),
    })
  }

  async show({ params, view, auth, response }: HttpContext) {
    const seller = await findSelectedSeller(params.id)
    if (!seller) return response.notFound()
    return view.render('supply/sellers/pages/show', {
      seller,
      phone: contactPhoneView(seller.phone, !!auth.user),
      photos: await sellerPhotos(seller, true),
      ...(await sellerLabels([seller])),
    })
  }

  async create({ view }: HttpContext) {
    return view.render('supply/sellers/pages/new', { ...(await formOptions()), maxPhotos: MAX_SELLER_PHOTOS })
  }

  async store(ctx: HttpContext) {
    const { request, auth, response, session, i18n } = ctx
    const input = await guardForm(ctx, FORM, () =>
      request.validateUsing(sellerValidator, { messagesProvider: areaMessages(i18n, SELLER_MESSAGES) })
    )
    await guardForm(ctx, FORM, () =>
      proposeSeller(
        { actor: auth.getUserOrFail(), ip: request.ip() },
        {
          name: input.name,
          kind: input.kind,
          countyCode: input.county_code,
          industries: industriesOf(input.industry, input.other_industries),
          products: input.products,
          shopUrls: shopUrlLines(input.shop_urls),
          wechatId: input.wechat_id ?? null,
          phone: input.phone ?? null,
          licenceNumber: input.licence_number ?? null,
        },
        request.files('photos', { size: '15mb' }).filter(wasChosen)
      )
    )
    session.flash('success', i18n.t('supply.sellers.propose.proposed'))
    return response.redirect().toRoute('supply.sellers.index')
  }
}
