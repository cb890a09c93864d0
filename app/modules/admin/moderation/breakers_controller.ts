import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { ADMIN_ROLES } from '#core/accounts/roles'
import { renderPageOrFragment } from '#core/http/render'
import { RegionScope } from '#core/regions/region_scope'
import regionDirectory from '#core/regions/region_directory'
import { CircuitBreaker } from '#core/moderation/models'
import { actingAs } from '#core/accounts/acting'
import { AlreadyTrippedError, AUTO_TRIP_THRESHOLD, AUTO_TRIP_WINDOW_MS, NotTrippedError, resetBreaker, tripBreaker } from '#core/moderation/breakers'
import { moderatedModuleLabels } from '#core/moderation/vocabulary'
import ModerationPolicy from '#modules/admin/moderation/policy'
import { answerChange, validate, type Status } from '#modules/admin/moderation/moderation_http'
import { listPageValidator, resetBreakerValidator, tripBreakerValidator } from '#modules/admin/moderation/validators'
import { regionOptions } from '#core/regions/region_options'

const PAGE = 'admin/moderation/pages/breakers'
const LIST = 'admin/moderation/partials/breaker_list'

/** Circuit breakers: administrators trip and reset them inside their own scope. */
export default class ModerationBreakersController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ModerationPolicy).authorize('manageBreakers')
    const { page } = await validate(ctx, listPageValidator, ctx.request.qs())
    const scopes = await ctx.auth.getUserOrFail().scopesFor(...ADMIN_ROLES)
    return renderPageOrFragment(ctx, PAGE, LIST, {
      ...(await this.#listData(ctx, page ?? 1)),
      scopeOptions: await regionOptions(scopes),
      autoTrip: { count: AUTO_TRIP_THRESHOLD, minutes: AUTO_TRIP_WINDOW_MS / 60_000 },
    })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(ModerationPolicy).authorize('manageBreakers')
    const { i18n } = ctx
    return answerChange(ctx, {
      redirectTo: router.makeUrl('admin.moderation.breakers.index'),
      fragment: async (status) => ctx.view.render(LIST, await this.#listData(ctx, 1, status)),
      change: async () => {
        const { module, scope: code, reason } = await validate(ctx, tripBreakerValidator)
        const scope = RegionScope.fromRegionCode(code)
        await ctx.bouncer.with(ModerationPolicy).authorize('changeBreaker', scope)
        const labels = { module: i18n.t(moderatedModuleLabels()[module]), scope: await regionDirectory.fullName(code) }
        try {
          await tripBreaker(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), { module, scope, reason })
          return { ok: true, text: i18n.t('moderation.breakers.tripped_ok', labels) }
        } catch (error) {
          if (error instanceof AlreadyTrippedError) return { ok: false, text: i18n.t('moderation.breakers.already_tripped') }
          throw error
        }
      },
    })
  }

  async reset(ctx: HttpContext) {
    await ctx.bouncer.with(ModerationPolicy).authorize('manageBreakers')
    const breaker = await CircuitBreaker.findOrFail(ctx.params.id)
    await ctx.bouncer.with(ModerationPolicy).authorize('changeBreaker', RegionScope.fromPrefix(breaker.scope))
    const { i18n } = ctx
    return answerChange(ctx, {
      rowForm: true,
      redirectTo: router.makeUrl('admin.moderation.breakers.index'),
      fragment: async (status) => ctx.view.render(LIST, await this.#listData(ctx, 1, status)),
      change: async () => {
        const { reason } = await validate(ctx, resetBreakerValidator)
        const labels = {
          module: i18n.t(moderatedModuleLabels()[breaker.module] ?? 'moderation.breakers.module'),
          scope: await regionDirectory.fullName(RegionScope.fromPrefix(breaker.scope).regionCode),
        }
        try {
          await resetBreaker(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), breaker.id, reason)
          return { ok: true, text: i18n.t('moderation.breakers.reset_ok', labels) }
        } catch (error) {
          if (error instanceof NotTrippedError) return { ok: false, text: i18n.t('moderation.breakers.not_tripped') }
          throw error
        }
      },
    })
  }

  /** Breakers inside the admin's scopes, tripped ones first. */
  async #listData(ctx: HttpContext, page: number, status?: Status) {
    const scopes = await ctx.auth.getUserOrFail().scopesFor(...ADMIN_ROLES)
    const breakers = await RegionScope.constrain(CircuitBreaker.query(), scopes, 'scope')
      .orderBy('tripped', 'desc')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(page, 20)
    const scopeNames: Record<string, string> = {}
    for (const breaker of breakers) {
      scopeNames[breaker.scope] ??= await regionDirectory.fullName(RegionScope.fromPrefix(breaker.scope).regionCode)
    }
    return { breakers, scopeNames, status, modules: moderatedModuleLabels() }
  }
}
