import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { beijingTime, clock, today } from '#core/clock'
import { renderPageOrFragment } from '#core/http/render'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'
import regionDirectory from '#core/regions/region_directory'
import { regionOptions } from '#core/regions/region_options'
import { countyCountMap, paleOutside } from '#core/regions/county_map'
import { industryNames } from '#core/industries/industry_directory'
import { casesByCounty, statisticsFor } from '#modules/experts/public'
import DashboardPolicy from '#modules/admin/dashboard/policy'
import { DASHBOARD_PERIODS, dashboardValidator, type DashboardPeriod } from '#modules/admin/dashboard/validators'

/**
 * 大数据展示 of the viewer's region (or a region beneath it): consultations per county
 * on the map, deadline hit rates and cases per industry over the last 7, 30 or 365
 * days — all from the expert service's rollups, nothing drawn in the browser.
 */
export default class DashboardController {
  async show(ctx: HttpContext) {
    const { request, bouncer, auth, i18n, response } = ctx
    await bouncer.with(DashboardPolicy).authorize('view')
    const scopes = await auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
    let input: { region?: string; period?: DashboardPeriod } = {}
    let errors: Record<string, string[]> = {}
    try {
      input = await dashboardValidator.validate(request.qs(), { messagesProvider: i18n.createMessagesProvider('admin.dashboard.validator') })
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      for (const { field, message } of error.messages) (errors[field] ??= []).push(message)
      response.status(422)
    }
    const widest = [...scopes].sort((a, b) => a.prefix.length - b.prefix.length || a.prefix.localeCompare(b.prefix))[0]
    const region = input.region ? RegionScope.fromRegionCode(input.region) : widest
    await bouncer.with(DashboardPolicy).authorize('viewRegion', region)
    const period = input.period ?? 'week'

    const last = today()
    const first = last.minus({ days: DASHBOARD_PERIODS[period] - 1 })
    const range = { from: first.toJSDate(), to: last.plus({ days: 1 }).toJSDate(), fromDay: first.toFormat('yyyy-MM-dd'), toDay: last.toFormat('yyyy-MM-dd') }
    const data: Record<string, unknown> = {
      errors,
      regions: await regionOptions(scopes),
      filters: { region: region.regionCode, period },
      periods: Object.keys(DASHBOARD_PERIODS),
      regionName: await regionDirectory.fullName(region.regionCode),
      range,
    }
    if (Object.keys(errors).length === 0) {
      const [statistics, counties, names] = await Promise.all([statisticsFor(region, range, clock.now()), casesByCounty(region, range), industryNames()])
      const industries = Object.fromEntries(names)
      const { map, legend } = countyCountMap(counties, {
        titleOf: (county, count) => i18n.t('admin.dashboard.map_title', { city: county.cityName, county: county.name, count }),
      })
      // Counties outside the region stay grey and unnamed by figures.
      paleOutside(map, region)
      const max = Math.max(1, ...statistics.byIndustry.map((row) => row.cases))
      Object.assign(data, {
        statistics,
        map,
        legend,
        topCounties: Object.entries(counties).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10),
        countyNames: await regionDirectory.fullNames(Object.keys(counties)),
        industries: statistics.byIndustry.slice(0, 10).map((row) => ({ ...row, name: industries[row.industry] ?? row.industry, width: Math.round((row.cases / max) * 100) })),
        computedAt: beijingTime(statistics.computedAt),
        percent: (value: number | null) => (value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`),
      })
    }
    return renderPageOrFragment(ctx, 'admin/dashboard/pages/show', 'admin/dashboard/partials/dashboard', data)
  }
}
