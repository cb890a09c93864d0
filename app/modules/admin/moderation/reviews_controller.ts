import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { renderPageOrFragment } from '#core/http/render'
import { RegionScope } from '#core/regions/region_scope'
import regionDirectory from '#core/regions/region_directory'
import { ReviewItem } from '#core/moderation/models'
import { actingAs } from '#core/accounts/acting'
import { AlreadyDecidedError, decideReview, NoReviewHandlerError } from '#core/moderation/reviews'
import { moderatedModuleLabels, type ModeratedModule } from '#core/moderation/vocabulary'
import ModerationPolicy from '#modules/admin/moderation/policy'
import { answerChange, validate, type Status } from '#modules/admin/moderation/moderation_http'
import { decideReviewValidator, reviewFilterValidator } from '#modules/admin/moderation/validators'

const PAGE = 'admin/moderation/pages/reviews'
const LIST = 'admin/moderation/partials/review_list'

/**
 * The review queue: centre staff and administrators see and decide the held content
 * of their own scope; an item elsewhere is a 404 to them.
 */
export default class ModerationReviewsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ModerationPolicy).authorize('review')
    const { module, page } = await validate(ctx, reviewFilterValidator, ctx.request.qs())
    return renderPageOrFragment(ctx, PAGE, LIST, await this.#listData(ctx, module, page ?? 1))
  }

  async show(ctx: HttpContext) {
    const item = await this.#authorizedItem(ctx)
    return ctx.view.render('admin/moderation/pages/review', {
      item,
      county: await regionDirectory.fullName(item.countyCode),
      modules: moderatedModuleLabels(),
    })
  }

  async decide(ctx: HttpContext) {
    const item = await this.#authorizedItem(ctx)
    const { i18n } = ctx
    // The list the decision came from (its filter and page) is what comes back.
    const { module, page } = await validate(ctx, reviewFilterValidator, ctx.request.qs())
    return answerChange(ctx, {
      rowForm: true,
      redirectTo: router.makeUrl('admin.moderation.reviews.index', {}, { qs: { ...(module ? { module } : {}), ...(page ? { page } : {}) } }),
      fragment: async (status) => ctx.view.render(LIST, await this.#listData(ctx, module, page ?? 1, status)),
      change: async () => {
        const { decision, reason } = await validate(ctx, decideReviewValidator)
        try {
          await decideReview(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), item.id, decision, reason ?? null)
          return { ok: true, text: i18n.t(`moderation.reviews.${decision}`) }
        } catch (error) {
          if (error instanceof AlreadyDecidedError) return { ok: false, text: i18n.t('moderation.reviews.already_decided') }
          if (error instanceof NoReviewHandlerError) return { ok: false, text: i18n.t('moderation.reviews.no_handler') }
          throw error
        }
      },
    })
  }

  async #authorizedItem(ctx: HttpContext) {
    await ctx.bouncer.with(ModerationPolicy).authorize('review')
    const item = await ReviewItem.findOrFail(ctx.params.id)
    await ctx.bouncer.with(ModerationPolicy).authorize('decide', item.countyCode)
    return item
  }

  /** Pending items of the reviewer's scopes, oldest first (they have waited longest). */
  async #listData(ctx: HttpContext, module: ModeratedModule | undefined, page: number, status?: Status) {
    const scopes = await ctx.auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
    const query = RegionScope.constrain(ReviewItem.query().where('status', 'pending'), scopes).orderBy('id', 'asc')
    if (module) query.where('module', module)
    const items = await query.paginate(page, 20)
    const countyNames: Record<string, string> = {}
    for (const item of items) {
      if (item.countyCode) countyNames[item.countyCode] ??= await regionDirectory.fullName(item.countyCode)
    }
    return { items, countyNames, module: module ?? '', status, modules: moderatedModuleLabels() }
  }
}
