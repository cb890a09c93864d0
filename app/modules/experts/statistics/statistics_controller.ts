import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { beijingTime, clock } from '#core/clock'
import { renderPageOrFragment } from '#core/http/render'
import { RegionScope } from '#core/regions/region_scope'
import regionDirectory from '#core/regions/region_directory'
import StatisticsPolicy from '#modules/experts/statistics/policy'
import { industryNames as loadIndustryNames } from '#core/industries/industry_directory'
import { STATISTICS_ROLES } from '#modules/experts/shared/staff'
import { regionOptions } from '#core/regions/region_options'
import { dateRange, statisticsValidator } from '#modules/experts/statistics/validators'
import { statisticsFor } from '#modules/experts/statistics/snapshots'
import { barChart, fillBuckets, lineChart } from '#modules/experts/statistics/charts'

/**
 * 服务统计 of a province, city or county the viewer covers, for a range of
 * submission days. A GET form: a bad date is shown next to its field (422), not
 * redirected, so the address stays shareable.
 */
export default class StatisticsController {
  async show(ctx: HttpContext) {
    const { request, bouncer, auth, i18n, response } = ctx
    await bouncer.with(StatisticsPolicy).authorize('view')
    const scopes = await auth.getUserOrFail().scopesFor(...STATISTICS_ROLES)
    const regions = await regionOptions(scopes)
    const qs = request.qs()

    const messages = i18n.createMessagesProvider('experts.statistics.validator')
    let input: { region?: string; from?: string; to?: string } = {}
    let range
    let errors: Record<string, string[]> = {}
    try {
      input = await statisticsValidator.validate(qs, { messagesProvider: messages })
      range = dateRange(input, rangeMessages(i18n))
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      errors = groupMessages(error.messages)
    }
    const region = input.region ? RegionScope.fromRegionCode(input.region) : broadest(scopes)
    await bouncer.with(StatisticsPolicy).authorize('viewRegion', region)

    const data: Record<string, unknown> = {
      regions,
      errors,
      filters: { region: region.regionCode, from: range?.fromDay ?? qs.from ?? '', to: range?.toDay ?? qs.to ?? '' },
      regionName: await regionDirectory.fullName(region.regionCode),
    }
    if (range) {
      const statistics = await statisticsFor(region, range, clock.now())
      const industryNames = Object.fromEntries(await loadIndustryNames())
      const areaNames: Record<string, string> = {}
      for (const area of statistics.areas) areaNames[area.code] = (await regionDirectory.find(area.code.padEnd(6, '0')))?.name ?? area.code
      Object.assign(data, {
        statistics,
        industryNames,
        areaNames,
        computedAt: beijingTime(statistics.computedAt),
        stateChart: barChart(statistics.byState.map((row) => ({ label: i18n.t(`experts.statistics.states.${row.state}`), value: row.cases }))),
        industryChart: barChart(statistics.byIndustry.map((row) => ({ label: industryNames[row.industry] ?? row.industry, value: row.cases }))),
        seriesChart: lineChart(
          fillBuckets(statistics.series, range.fromDay, range.toDay, statistics.unit).map((row) => ({ label: row.bucket, value: row.cases }))
        ),
        percent: (value: number | null) => (value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`),
        duration: (seconds: number | null) => formatDuration(i18n, seconds),
        rating: (value: number | null) => (value === null ? '—' : value.toFixed(2)),
      })
    } else {
      response.status(422)
    }
    return renderPageOrFragment(ctx, 'experts/statistics/pages/show', 'experts/statistics/partials/results', data)
  }
}

/** The widest of a person's scopes: a city before its counties, the province before all. */
export function broadest(scopes: RegionScope[]): RegionScope {
  return [...scopes].sort((a, b) => a.prefix.length - b.prefix.length || a.prefix.localeCompare(b.prefix))[0]
}

export function rangeMessages(i18n: HttpContext['i18n']) {
  return {
    invalid: i18n.t('experts.statistics.errors.invalid_date'),
    order: i18n.t('experts.statistics.errors.order'),
    tooLong: i18n.t('experts.statistics.errors.too_long'),
  }
}

export function groupMessages(messages: { field: string; message: string }[]) {
  const grouped: Record<string, string[]> = {}
  for (const { field, message } of messages) (grouped[field] ??= []).push(message)
  return grouped
}

function formatDuration(i18n: HttpContext['i18n'], seconds: number | null) {
  if (seconds === null) return '—'
  if (seconds < 3600) return i18n.t('experts.statistics.duration.minutes', { value: Math.round(seconds / 6) / 10 })
  if (seconds < 86400) return i18n.t('experts.statistics.duration.hours', { value: Math.round(seconds / 360) / 10 })
  return i18n.t('experts.statistics.duration.days', { value: Math.round(seconds / 8640) / 10 })
}
