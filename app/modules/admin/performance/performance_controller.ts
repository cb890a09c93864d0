import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { today } from '#core/clock'
import { areaMessages } from '#core/http/form_messages'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import regionDirectory from '#core/regions/region_directory'
import { regionOptions } from '#core/regions/region_options'
import { RegionScope } from '#core/regions/region_scope'
import { widestScope } from '#modules/admin/shared/viewer_region'
import { computePerformance } from '#modules/admin/performance/compute_performance'
import { computedAt, figuresOf } from '#modules/admin/performance/performance_queries'
import PerformancePolicy from '#modules/admin/performance/policy'
import { computeValidator, figuresFilterValidator, PERFORMANCE_MESSAGES } from '#modules/admin/performance/validators'

const FIGURES = 'admin/performance/partials/figures'

/** 绩效: each expert's and 信息员's figures of a year in the viewer's region, from the case log; computed again on request. */
export default class PerformanceController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(PerformancePolicy).authorize('view')
    const input = await figuresFilterValidator.validate(ctx.request.qs(), { messagesProvider: areaMessages(ctx.i18n, PERFORMANCE_MESSAGES) })
    const scopes = await ctx.auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
      const region = input.region ? RegionScope.fromRegionCode(input.region) : widestScope(scopes)
    await ctx.bouncer.with(PerformancePolicy).authorize('viewRegion', region)
    const filters = { year: input.year ?? today().year, region: region.regionCode, role: input.role ?? 'expert' }
    return renderPageOrFragment(ctx, 'admin/performance/pages/index', FIGURES, {
      filters,
      regions: await regionOptions(scopes),
      regionName: await regionDirectory.fullName(region.regionCode),
      figures: await figuresOf({ ...filters, region, page: input.page ?? 1 }),
      computedAt: await computedAt(filters.year, region),
    })
  }

  async compute(ctx: HttpContext) {
    await ctx.bouncer.with(PerformancePolicy).authorize('view')
    const input = await guardForm(ctx, { errorsTarget: '#compute-errors' }, () => ctx.request.validateUsing(computeValidator, { messagesProvider: areaMessages(ctx.i18n, PERFORMANCE_MESSAGES) }))
    const region = RegionScope.fromRegionCode(input.region)
    await ctx.bouncer.with(PerformancePolicy).authorize('viewRegion', region)
    const { people } = await computePerformance(input.year, region)
    const filters = { year: input.year, region: region.regionCode, role: 'expert' }
    return formDone(ctx, {
      message: ctx.i18n.t('admin.performance.computed', { people }),
      redirectTo: router.makeUrl('admin.performance.index', {}, { qs: { year: input.year, region: region.regionCode } }),
      fragment: async (status) =>
        ctx.view.render(FIGURES, { filters, figures: await figuresOf({ ...filters, role: 'expert', region, page: 1 }), computedAt: await computedAt(input.year, region), status }),
    })
  }
}
