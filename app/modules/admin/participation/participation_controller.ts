import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { DateTime } from 'luxon'
import { actingAs } from '#core/accounts/acting'
import { BEIJING, todayIso } from '#core/clock'
import { areaMessages } from '#core/http/form_messages'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import { RuleError } from '#core/http/rule_error'
import regionDirectory from '#core/regions/region_directory'
import { regionOptions } from '#core/regions/region_options'
import { RegionScope } from '#core/regions/region_scope'
import { restoreRegion, suspendRegion, suspensionList } from '#core/regions/participation'
import ParticipationPolicy from '#modules/admin/participation/policy'
import { PARTICIPATION_MESSAGES, participationListValidator, restoreValidator, suspendValidator } from '#modules/admin/participation/validators'

const LIST = 'admin/participation/partials/list'

/** A city's or county's participation: suspended with a reason and a day, restored; the history. */
export default class ParticipationController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ParticipationPolicy).authorize('manage')
    const { page } = await ctx.request.validateUsing(participationListValidator, { data: ctx.request.qs() })
    return renderPageOrFragment(ctx, 'admin/participation/pages/index', LIST, {
      ...(await this.#listData(page)),
      regions: (await regionOptions([RegionScope.province])).filter((option) => option.level !== 'province'),
      today: todayIso(),
    })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(ParticipationPolicy).authorize('manage')
    const form = { errorsTarget: '#participation-errors' }
    const input = await guardForm(ctx, form, () => ctx.request.validateUsing(suspendValidator, { messagesProvider: areaMessages(ctx.i18n, PARTICIPATION_MESSAGES) }))
    await guardForm(ctx, form, async () => {
      if (!DateTime.fromISO(input.from_day, { zone: BEIJING }).isValid) throw new RuleError('regions.participation.errors.day_invalid', 'from_day')
      await suspendRegion(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), { regionCode: input.region_code, reason: input.reason, fromDay: input.from_day })
    })
    return formDone(ctx, {
      message: ctx.i18n.t('admin.participation.suspended', { region: await regionDirectory.fullName(input.region_code), day: input.from_day }),
      redirectTo: router.makeUrl('admin.participation.index'),
      fragment: async (status) => ctx.view.render(LIST, { ...(await this.#listData()), status }),
    })
  }

  async restore(ctx: HttpContext) {
    await ctx.bouncer.with(ParticipationPolicy).authorize('manage')
    const id = Number(ctx.params.id)
    const form = { errorsTarget: `#restore-errors-${id}` }
    const input = await guardForm(ctx, form, () => ctx.request.validateUsing(restoreValidator, { messagesProvider: areaMessages(ctx.i18n, PARTICIPATION_MESSAGES) }))
    const restored = await guardForm(ctx, form, async () => restoreRegion(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), id, input.reason))
    return formDone(ctx, {
      message: ctx.i18n.t('admin.participation.restored', { region: await regionDirectory.fullName(restored.regionCode) }),
      redirectTo: router.makeUrl('admin.participation.index'),
      fragment: async (status) => ctx.view.render(LIST, { ...(await this.#listData()), status }),
    })
  }

  async #listData(page = 1) {
    const { paginator, suspensions } = await suspensionList(page)
    return { paginator, suspensions, names: await regionDirectory.fullNames(suspensions.map((suspension) => suspension.regionCode)) }
  }
}
