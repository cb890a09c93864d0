import type { HttpContext } from '@adonisjs/core/http'
import { today } from '#core/clock'
import { fieldError } from '#core/http/field_error'
import { renderPageOrFragment } from '#core/http/render'
import { RegionScope } from '#core/regions/region_scope'
import { CONSULTATION_STATES } from '#modules/experts/shared/consultation_states'
import { SERVICE_CATEGORIES } from '#modules/experts/models/followup_call'
import StatisticsPolicy from '#modules/experts/statistics/policy'
import { industryList, industryNames } from '#core/industries/industry_directory'
import { PHONE_ROLES, STATISTICS_ROLES } from '#modules/experts/shared/staff'
import { roleCovering } from '#core/accounts/acting'
import { regionOptions } from '#core/regions/region_options'
import { dateRange, exportValidator } from '#modules/experts/statistics/validators'
import { COLUMNS, exportRecords, type ExportLabels } from '#modules/experts/exports/records'
import { broadest, rangeMessages } from '#modules/experts/statistics/statistics_controller'

/**
 * 导出: the expert-service records of the staff member's scope as CSV or XLSX,
 * streamed from a database cursor and audited. Staff get masked phone numbers,
 * administrators full ones (PHONE_ROLES); the form says which.
 */
export default class ExportsController {
  async create(ctx: HttpContext) {
    const { bouncer, auth } = ctx
    await bouncer.with(StatisticsPolicy).authorize('view')
    const user = auth.getUserOrFail()
    const scopes = await user.scopesFor(...STATISTICS_ROLES)
    const last = today()
    return renderPageOrFragment(ctx, 'experts/exports/pages/export', 'experts/exports/partials/export_form', {
      regions: await regionOptions(scopes),
      industries: await industryList(),
      states: CONSULTATION_STATES,
      defaults: {
        region: broadest(scopes).regionCode,
        from: last.minus({ days: 29 }).toFormat('yyyy-MM-dd'),
        to: last.toFormat('yyyy-MM-dd'),
      },
      fullPhones: await user.hasRole(...PHONE_ROLES),
    })
  }

  async store(ctx: HttpContext) {
    const { request, bouncer, auth, i18n, response } = ctx
    await bouncer.with(StatisticsPolicy).authorize('view')
    const input = await request.validateUsing(exportValidator, { messagesProvider: i18n.createMessagesProvider('experts.statistics.validator') })
    const range = dateRange(input, rangeMessages(i18n))
    if (input.industry && !(await industryNames()).has(input.industry)) throw fieldError('industry', i18n.t('experts.statistics.validator.messages.enum', { field: i18n.t('experts.statistics.fields.industry') }))
    const user = auth.getUserOrFail()
    const region = input.region ? RegionScope.fromRegionCode(input.region) : broadest(await user.scopesFor(...STATISTICS_ROLES))
    await bouncer.with(StatisticsPolicy).authorize('viewRegion', region)

    const phones = (await roleCovering(user, region, PHONE_ROLES)) ? 'full' : 'masked'
    const stream = await exportRecords({
      actor: user,
      actorRole: (await roleCovering(user, region, STATISTICS_ROLES))!,
      ip: request.ip(),
      filters: { region, ...range, industry: input.industry, state: input.state },
      phones,
      format: input.format,
      labels: this.#labels(i18n),
    })
    const name = `${i18n.t('experts.statistics.export.file_name')}-${region.regionCode}-${range.fromDay}-${range.toDay}.${input.format}`
    response.header(
      'Content-Type',
      input.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    response.header('Content-Disposition', `attachment; filename="records-${region.regionCode}.${input.format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    response.header('Cache-Control', 'no-store')
    response.stream(stream)
  }

  #labels(i18n: HttpContext['i18n']): ExportLabels {
    const map = (keys: readonly string[], prefix: string) => Object.fromEntries(keys.map((key) => [key, i18n.t(`${prefix}.${key}`)]))
    return {
      columns: map(COLUMNS, 'experts.statistics.export.columns') as ExportLabels['columns'],
      states: map(CONSULTATION_STATES, 'experts.statistics.states'),
      categories: map(SERVICE_CATEGORIES, 'experts.followups.categories'),
      yes: i18n.t('experts.statistics.export.yes'),
      no: i18n.t('experts.statistics.export.no'),
      sheet: i18n.t('experts.statistics.export.sheet'),
    }
  }
}
