import type { HttpContext } from '@adonisjs/core/http'
import { contactPhoneView } from '#modules/supply/shared/channels'
import { actingRole } from '#core/accounts/acting'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import Seller from '#modules/supply/models/seller'
import SellerPolicy from '#modules/supply/sellers/policy'
import { recommendSeller, removeSeller, selectSeller } from '#modules/supply/sellers/seller_actions'
import { sellerLabels, sellerPhotos } from '#modules/supply/sellers/seller_views'
import { recommendValidator, removalValidator, reviewListValidator, SELLER_MESSAGES } from '#modules/supply/sellers/validators'
import { areaMessages } from '#core/http/form_messages'
import type { ScopeIntent } from '#core/accounts/scoped_access'

const DECISION_FORM = { errorsTarget: '#seller-decision-errors' }

/** Centre staff select (入选) or remove proposed sellers inside their region scope. */
export default class SellerReviewsController {
  /** Proposals oldest first (a queue); selected and removed sellers newest first. */
  async index(ctx: HttpContext) {
    const { request, bouncer, auth } = ctx
    await bouncer.with(SellerPolicy).authorize('review')
    const { status = 'proposed', page = 1 } = await request.validateUsing(reviewListValidator, { data: request.qs() })
    const scopes = await auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
    const sellers = await RegionScope.constrain(Seller.query(), scopes)
      .where('status', status)
      .orderBy('id', status === 'proposed' ? 'asc' : 'desc')
      .paginate(page, 20)
    return renderPageOrFragment(ctx, 'supply/sellers/pages/reviews', 'supply/sellers/partials/review_list', {
      sellers,
      status,
      ...(await sellerLabels(sellers.all())),
      scopeNames: await Promise.all(scopes.map((scope) => regionDirectory.fullName(scope.regionCode))),
    })
  }

  async show({ params, bouncer, view }: HttpContext) {
    const seller = await this.#authorized(params.id, bouncer, 'read')
    return view.render('supply/sellers/pages/review', {
      seller,
      phone: contactPhoneView(seller.phone, true),
      photos: await sellerPhotos(seller, false),
      ...(await sellerLabels([seller])),
    })
  }

  async select(ctx: HttpContext) {
    const seller = await this.#authorized(ctx.params.id, ctx.bouncer, 'manage')
    const actor = ctx.auth.getUserOrFail()
    const decided = await guardForm(ctx, DECISION_FORM, async () =>
      selectSeller({ actor, ip: ctx.request.ip() }, (await actingRole(actor, seller.countyCode, SCOPED_ROLES))!, seller.id)
    )
    return this.#done(ctx, decided, 'supply.sellers.review.selected')
  }

  /** The reason is checked after the reviewer is: nobody learns of a seller out of their scope. */
  async remove(ctx: HttpContext) {
    const seller = await this.#authorized(ctx.params.id, ctx.bouncer, 'manage')
    const actor = ctx.auth.getUserOrFail()
    const decided = await guardForm(ctx, DECISION_FORM, async () => {
      const { reason } = await ctx.request.validateUsing(removalValidator, { messagesProvider: areaMessages(ctx.i18n, SELLER_MESSAGES) })
      return removeSeller({ actor, ip: ctx.request.ip() }, (await actingRole(actor, seller.countyCode, SCOPED_ROLES))!, seller.id, reason)
    })
    return this.#done(ctx, decided, 'supply.sellers.review.removed')
  }

  /** 本季推荐: a selected seller listed first in the chosen season. */
  async recommend(ctx: HttpContext) {
    const seller = await this.#authorized(ctx.params.id, ctx.bouncer, 'manage')
    const actor = ctx.auth.getUserOrFail()
    const decided = await guardForm(ctx, DECISION_FORM, async () => {
      const { season } = await ctx.request.validateUsing(recommendValidator, { messagesProvider: areaMessages(ctx.i18n, SELLER_MESSAGES) })
      return recommendSeller({ actor, ip: ctx.request.ip() }, (await actingRole(actor, seller.countyCode, SCOPED_ROLES))!, seller.id, season ?? null)
    })
    return this.#done(ctx, decided, decided.recommendedSeason ? 'supply.sellers.review.recommended' : 'supply.sellers.review.unrecommended')
  }

  #done(ctx: HttpContext, seller: Seller, messageKey: string) {
    return formDone(ctx, {
      message: ctx.i18n.t(messageKey),
      redirectTo: `/admin/supply/sellers/${seller.id}`,
      fragment: (status) => ctx.view.render('supply/sellers/partials/decision', { seller, status }),
    })
  }

  /** 403 for people who review nothing; 404 for a seller outside the reviewer's region. */
  async #authorized(id: string, bouncer: HttpContext['bouncer'], intent: ScopeIntent) {
    await bouncer.with(SellerPolicy).authorize('review')
    const seller = await Seller.findOrFail(id)
    await bouncer.with(SellerPolicy).authorize('reviewSeller', seller, intent)
    return seller
  }
}
