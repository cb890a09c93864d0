import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { actingAs } from '#core/accounts/acting'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import regionDirectory from '#core/regions/region_directory'
import { regionOptions } from '#core/regions/region_options'
import SubsidyPolicy from '#modules/admin/subsidies/policy'
import { listFilters, messages } from '#modules/admin/subsidies/subsidy_http'
import { approveList, proposeList } from '#modules/admin/subsidies/subsidy_lists'
import { findList, linesOf, listsOf } from '#modules/admin/subsidies/subsidy_queries'
import { EXPORT_COLUMNS, exportSubsidies, type ExportLabels } from '#modules/admin/subsidies/subsidy_export'
import { RULE_KINDS } from '#modules/admin/subsidies/subsidy_rules'
import { proposeValidator } from '#modules/admin/subsidies/validators'

const LISTS = 'admin/subsidies/partials/lists'
const LIST = 'admin/subsidies/partials/list'

/** 补贴名单: the year's lists of the region, proposing one (county centre), a list's lines, approving (the level above), the payment export. */
export default class ListsController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(SubsidyPolicy).authorize('view')
    const { year, region, page, scopes } = await listFilters(ctx)
    const lists = await listsOf(year, region, page)
    return renderPageOrFragment(ctx, 'admin/subsidies/pages/index', LISTS, {
      lists,
      year,
      region: region.regionCode,
      regions: await regionOptions(scopes),
      counties: scopes.filter((scope) => scope.level === 'county').map((scope) => scope.regionCode),
      names: await regionDirectory.fullNames(lists.all().map((list: any) => list.county_code)),
    })
  }

  async store(ctx: HttpContext) {
    const form = { errorsTarget: '#propose-errors' }
    const input = await guardForm(ctx, form, () => ctx.request.validateUsing(proposeValidator, messages(ctx)))
    await ctx.bouncer.with(SubsidyPolicy).authorize('prepare', input.county_code)
    const id = await guardForm(ctx, form, async () => proposeList(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), { year: input.year, countyCode: input.county_code }))
    return formDone(ctx, {
      message: ctx.i18n.t('admin.subsidies.proposed'),
      redirectTo: router.makeUrl('admin.subsidies.show', { id }),
      fragment: async (status) => ctx.view.render(LIST, { ...(await this.#listData(ctx, id, 1)), status }),
    })
  }

  async show(ctx: HttpContext) {
    const list = await this.#authorizedList(ctx, 'viewCounty')
    return renderPageOrFragment(ctx, 'admin/subsidies/pages/show', LIST, await this.#listData(ctx, list.id, Number(ctx.request.input('page', 1)) || 1))
  }

  async approve(ctx: HttpContext) {
    const list = await this.#authorizedList(ctx, 'approve')
    await guardForm(ctx, { errorsTarget: '#approve-errors' }, async () => approveList(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), list.id))
    return formDone(ctx, {
      message: ctx.i18n.t('admin.subsidies.approved'),
      redirectTo: router.makeUrl('admin.subsidies.show', { id: list.id }),
      fragment: async (status) => ctx.view.render(LIST, { ...(await this.#listData(ctx, list.id, 1)), status }),
    })
  }

  async export(ctx: HttpContext) {
    await ctx.bouncer.with(SubsidyPolicy).authorize('view')
    const { year, region } = await listFilters(ctx)
    const stream = await exportSubsidies(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), { year, region, labels: this.#labels(ctx) })
    const name = `${ctx.i18n.t('admin.subsidies.export.file_name')}-${region.regionCode}-${year}.xlsx`
    ctx.response.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    ctx.response.header('Content-Disposition', `attachment; filename="subsidies-${region.regionCode}-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    ctx.response.header('Cache-Control', 'no-store')
    ctx.response.stream(stream)
  }

  async #authorizedList(ctx: HttpContext, ability: 'viewCounty' | 'approve') {
    const list = await findList(Number(ctx.params.id))
    if (!list) return ctx.response.abort('Not found', 404)
    await ctx.bouncer.with(SubsidyPolicy).authorize(ability, list.county_code)
    return list
  }

  async #listData(ctx: HttpContext, id: number, page: number) {
    const list = (await findList(id))!
    const bouncer = ctx.bouncer.with(SubsidyPolicy)
    return {
      list,
      lines: await linesOf(id, page),
      countyName: await regionDirectory.fullName(list.county_code),
      mayAdjust: list.status === 'draft' && (await bouncer.allows('prepare', list.county_code)),
      mayApprove: list.status === 'draft' && (await bouncer.allows('approve', list.county_code)),
    }
  }

  #labels(ctx: HttpContext): ExportLabels {
    const t = (key: string) => ctx.i18n.t(key)
    return {
      columns: Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, t(`admin.subsidies.export.columns.${column}`)])) as ExportLabels['columns'],
      kinds: Object.fromEntries(RULE_KINDS.map((kind) => [kind, t(`admin.subsidies.kinds.${kind}`)])),
      sheet: t('admin.subsidies.export.sheet'),
    }
  }
}
