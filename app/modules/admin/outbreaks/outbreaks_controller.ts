import type { HttpContext } from '@adonisjs/core/http'
import { actingAs } from '#core/accounts/acting'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { areaMessages } from '#core/http/form_messages'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import { industryNames } from '#core/industries/industry_directory'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import { alertIn, confirmAlert, dismissAlert } from '#modules/admin/outbreaks/outbreak_actions'
import OutbreakAlert from '#modules/admin/outbreaks/outbreak_alert'
import OutbreakPolicy from '#modules/admin/outbreaks/policy'
import { dismissValidator, listValidator, OUTBREAK_MESSAGES } from '#modules/admin/outbreaks/validators'

const PER_PAGE = 20
const DECISION = 'admin/outbreaks/partials/decision'

/**
 * 疫情预警: the alerts of the viewer's counties, newest first; one alert with its cases,
 * confirmed (the industry's experts of the city are told) or dismissed with a reason.
 * Centre staff only (403 for anyone else); another county's alert is 404.
 */
export default class OutbreaksController {
  async index(ctx: HttpContext) {
    const scopes = await this.#scopes(ctx)
    const { page = 1 } = await ctx.request.validateUsing(listValidator, { data: ctx.request.qs(), messagesProvider: areaMessages(ctx.i18n, OUTBREAK_MESSAGES) })
    const rows = await RegionScope.constrain(OutbreakAlert.query().orderBy('id', 'desc'), scopes)
      .limit(PER_PAGE + 1)
      .offset((page - 1) * PER_PAGE)
    const alerts = rows.slice(0, PER_PAGE)
    const link = (n: number) => `/admin/outbreaks?page=${n}`
    return renderPageOrFragment(ctx, 'admin/outbreaks/pages/index', 'admin/outbreaks/partials/list', {
      alerts,
      page,
      previous: page > 1 ? link(page - 1) : null,
      next: rows.length > PER_PAGE ? link(page + 1) : null,
      ...(await names(alerts)),
    })
  }

  async show(ctx: HttpContext) {
    const alert = await alertIn(await this.#scopes(ctx), ctx.params.id)
    if (!alert) return ctx.response.notFound()
    return renderPageOrFragment(ctx, 'admin/outbreaks/pages/show', DECISION, { alert, ...(await names([alert])) })
  }

  async confirm(ctx: HttpContext) {
    const { request, auth, i18n, view } = ctx
    const alert = await alertIn(await this.#scopes(ctx), ctx.params.id)
    if (!alert) return ctx.response.notFound()
    await ctx.bouncer.with(OutbreakPolicy).authorize('decide', alert)
    const told = await guardForm(ctx, { errorsTarget: '#outbreak-errors' }, async () => confirmAlert(await actingAs(auth.getUserOrFail(), request.ip()), alert))
    return formDone(ctx, {
      message: i18n.t('admin.outbreaks.confirmed', { count: told }),
      redirectTo: `/admin/outbreaks/${alert.id}`,
      fragment: async (status) => view.render(DECISION, { alert, status, ...(await names([alert])) }),
    })
  }

  async dismiss(ctx: HttpContext) {
    const { request, auth, i18n, view } = ctx
    const alert = await alertIn(await this.#scopes(ctx), ctx.params.id)
    if (!alert) return ctx.response.notFound()
    await ctx.bouncer.with(OutbreakPolicy).authorize('decide', alert)
    const form = { errorsTarget: '#outbreak-errors' }
    const input = await guardForm(ctx, form, () => request.validateUsing(dismissValidator, { messagesProvider: areaMessages(i18n, OUTBREAK_MESSAGES) }))
    await guardForm(ctx, form, async () => dismissAlert(await actingAs(auth.getUserOrFail(), request.ip()), alert, input.reason))
    return formDone(ctx, {
      message: i18n.t('admin.outbreaks.dismissed'),
      redirectTo: `/admin/outbreaks/${alert.id}`,
      fragment: async (status) => view.render(DECISION, { alert, status, ...(await names([alert])) }),
    })
  }

  /** The person's centre scopes; anyone else is refused (403) before anything is read. */
  async #scopes(ctx: HttpContext) {
    await ctx.bouncer.with(OutbreakPolicy).authorize('enter')
    return ctx.auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
  }
}

async function names(alerts: OutbreakAlert[]) {
  const regionNames = await regionDirectory.fullNames(alerts.map((alert) => alert.countyCode))
  return { regionNames, industryNames: Object.fromEntries(await industryNames()) }
}
