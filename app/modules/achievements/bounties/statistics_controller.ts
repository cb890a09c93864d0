import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { industryNames } from '#core/industries/industry_directory'
import { fenToYuan } from '#core/money'
import regionDirectory from '#core/regions/region_directory'
import { csvBytes } from '#core/spreadsheets/csv_writer'
import { bountyStatistics } from '#modules/achievements/bounties/bounty_statistics'

const COLUMNS = ['county', 'industry', 'posted', 'agreed', 'done', 'cancelled', 'fees', 'mismatches'] as const

/** 榜单统计 for centre staff: their scopes' bounties by county and industry, as a page or a CSV. */
export default class BountyStatisticsController {
  async index({ auth, view, request, response, i18n }: HttpContext) {
    const scopes = await auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
    if (!scopes.length) return response.forbidden()
    const rows = await bountyStatistics(scopes)
    const regionNames = await regionDirectory.fullNames(rows.map((row) => row.countyCode))
    const names = Object.fromEntries(await industryNames())
    if (request.qs().format === 'csv') {
      const cells = rows.map((row) => [regionNames[row.countyCode], names[row.industry] ?? row.industry, row.posted, row.agreed, row.done, row.cancelled, fenToYuan(row.feesFen), row.mismatches])
      response.header('Content-Type', 'text/csv; charset=utf-8')
      response.header('Content-Disposition', `attachment; filename="bounties.csv"; filename*=UTF-8''${encodeURIComponent(i18n.t('achievements.statistics.file_name'))}.csv`)
      response.header('Cache-Control', 'no-store')
      return response.stream(Readable.from(csvBytes(COLUMNS.map((column) => i18n.t(`achievements.statistics.columns.${column}`)), (async function* () {
        yield cells
      })())))
    }
    return view.render('achievements/bounties/pages/statistics', { rows, regionNames, industryNames: names, fenToYuan, columns: COLUMNS })
  }
}
