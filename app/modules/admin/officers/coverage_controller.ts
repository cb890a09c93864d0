import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { roleCovering } from '#core/accounts/acting'
import { audit } from '#core/audit/audit'
import { renderPageOrFragment } from '#core/http/render'
import { countyCountMap, paleOutside } from '#core/regions/county_map'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import { suspensionOf } from '#core/regions/participation'
import { csvBytes } from '#core/spreadsheets/csv_writer'
import { xlsxBytes } from '#core/spreadsheets/xlsx_writer'
import db from '@adonisjs/lucid/services/db'
import { ACTIVE_DAYS, citiesOf, countyCoverage, coverageExportRows, keptCoverageByCounty, coveredShare, OFFICERS_PER_VILLAGE, totalsOf, townshipTotals } from '#modules/experts/public'
import type { CoverageRow } from '#modules/experts/public'
import CoveragePolicy from '#modules/admin/officers/policy'
import { coverageExportValidator, coverageValidator } from '#modules/admin/officers/validators'

/** Drawn maps kept per process: the province and the 21 cities, in two languages, with room to spare. */
const DRAWN_MAPS = 64
const drawnMaps = new Map<string, string>()

const COLUMNS = ['county', 'township', 'village', 'code', 'verified', 'active', 'officers'] as const

/** 信息员 coverage of a region: the province or a city rolled up, a county village by village with the gaps first. */
export default class CoverageController {
  async show(ctx: HttpContext) {
    const { request, bouncer, auth } = ctx
    await bouncer.with(CoveragePolicy).authorize('view')
    const input = await request.validateUsing(coverageValidator, { data: request.qs() })
    const region = await this.#region(ctx, input.region)
    const data: Record<string, unknown> = {
      region,
      regionName: await regionDirectory.fullName(region.regionCode),
      parent: region.level === 'county' ? region.city.regionCode : region.level === 'city' ? '510000' : null,
      mayParent: region.level !== 'province' && (await auth.getUserOrFail().scopesFor(...SCOPED_ROLES)).some((scope) => scope.covers(region.level === 'county' ? region.city : RegionScope.province)),
      perVillage: OFFICERS_PER_VILLAGE,
      activeDays: ACTIVE_DAYS,
      suspension: region.level === 'province' ? null : await suspensionOf(region.regionCode),
    }
    if (region.level === 'county') {
      const villages = await countyCoverage(region.regionCode)
      const townships = townshipTotals(villages)
      Object.assign(data, { villages, townships, totals: totalsOf(townships), gaps: villages.filter((village) => village.verified < OFFICERS_PER_VILLAGE).length })
    } else {
      const { rows: counties, computedAt } = await keptCoverageByCounty(region)
      const rows = region.level === 'province' ? citiesOf(counties) : counties
      const names = await regionDirectory.fullNames(rows.map((row) => row.code))
      const regionName = data.regionName as string
      Object.assign(data, { rows, names, totals: totalsOf(rows), computedAt, mapHtml: await this.#drawnMap(ctx, region, regionName, counties, computedAt) })
    }
    return renderPageOrFragment(ctx, 'admin/officers/pages/coverage', 'admin/officers/partials/coverage', data)
  }

  /** Every village of the region with its counts and officers (phones masked), as CSV or XLSX; audited. */
  async export(ctx: HttpContext) {
    const { request, bouncer, auth, i18n, response } = ctx
    await bouncer.with(CoveragePolicy).authorize('view')
    const input = await request.validateUsing(coverageExportValidator, { data: request.qs() })
    const region = await this.#region(ctx, input.region)
    const format = input.format ?? 'csv'
    const user = auth.getUserOrFail()
    await db.transaction(async (trx) => {
      await audit(trx, {
        actor: user,
        actorRole: await roleCovering(user, region, SCOPED_ROLES),
        action: 'officers.coverage_export',
        subjectType: 'region',
        subjectId: region.regionCode,
        countyCode: region.regionCode,
        ip: request.ip(),
      })
    })
    const header = COLUMNS.map((column) => i18n.t(`admin.officers.export.columns.${column}`))
    const names = new Map<string, string>()
    const rows = async function* () {
      for await (const batch of coverageExportRows(region)) {
        for (const row of batch) {
          const county = String(row[0])
          if (!names.has(county)) names.set(county, await regionDirectory.fullName(county))
          row[0] = names.get(county)!
        }
        yield batch
      }
    }
    const name = `${i18n.t('admin.officers.export.file_name')}-${region.regionCode}.${format}`
    response.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    response.header('Content-Disposition', `attachment; filename="coverage-${region.regionCode}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    response.header('Cache-Control', 'no-store')
    response.stream(Readable.from(format === 'csv' ? csvBytes(header, rows()) : xlsxBytes(i18n.t('admin.officers.export.sheet'), header, rows())))
  }

  /**
   * The map drawn (core's county_map component) for kept figures: the same rows draw the
   * same SVG, so a process draws it once per region and language until they are computed
   * again — most of the page's work otherwise.
   */
  async #drawnMap(ctx: HttpContext, region: RegionScope, regionName: string, counties: CoverageRow[], computedAt: Date) {
    const key = `${ctx.i18n.locale}:${region.regionCode}:${computedAt.getTime()}`
    let html = drawnMaps.get(key)
    if (html === undefined) {
      const { map, legend } = this.#map(ctx, region, counties)
      html = await ctx.view.render('components/map/county_map', {
        map,
        legend,
        label: ctx.i18n.t('admin.officers.map.label', { region: regionName }),
        caption: ctx.i18n.t('admin.officers.map.caption', { perVillage: OFFICERS_PER_VILLAGE }),
      })
      if (drawnMaps.size >= DRAWN_MAPS) drawnMaps.delete(drawnMaps.keys().next().value!)
      drawnMaps.set(key, html)
    }
    return html
  }

  /** The province's county map shaded by the share of each county's villages covered, each county linking to its page. */
  #map({ i18n }: HttpContext, region: RegionScope, counties: CoverageRow[]) {
    const byCode = new Map(counties.map((county) => [county.code, county]))
    const shares = Object.fromEntries(counties.map((county) => [county.code, coveredShare(county)]))
    const page = router.makeUrl('admin.officers.coverage')
    const { map, legend } = countyCountMap(shares, {
      scaleMax: 100,
      hrefOf: (code) => (byCode.has(code) && region.contains(code) ? `${page}?region=${code}` : undefined),
      titleOf: (county, share) => {
        const row = byCode.get(county.code)
        if (!row) return i18n.t('admin.officers.map.title_none', { city: county.cityName, county: county.name })
        return i18n.t('admin.officers.map.title', { city: county.cityName, county: county.name, covered: row.covered, villages: row.villages, share })
      },
    })
    return { map: paleOutside(map, region), legend }
  }

  /** The asked region (404 outside the person's scopes), or their broadest scope. */
  async #region({ bouncer, auth }: HttpContext, code: string | undefined) {
    const scopes = await auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
    const region = code ? RegionScope.fromRegionCode(code) : [...scopes].sort((a, b) => a.prefix.length - b.prefix.length)[0]
    await bouncer.with(CoveragePolicy).authorize('viewRegion', region)
    return region
  }
}
