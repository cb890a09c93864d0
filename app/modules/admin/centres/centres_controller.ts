import type { HttpContext } from '@adonisjs/core/http'
import { actingAs } from '#core/accounts/acting'
import { ADMIN_ROLES, SCOPED_ROLES } from '#core/accounts/roles'
import { areaMessages } from '#core/http/form_messages'
import { guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import { regionOptions } from '#core/regions/region_options'
import { RegionScope } from '#core/regions/region_scope'
import OperationCenter from '#modules/admin/models/operation_center'
import { levelOf } from '#modules/admin/centres/center_rights'
import { registerCenter } from '#modules/admin/centres/centre_actions'
import { centreNames, checklistOf, checklistSummary, figuresOfCentre, listCentres, staffOfCentre } from '#modules/admin/centres/centre_queries'
import CentrePolicy from '#modules/admin/centres/policy'
import { scoresOfCentre } from '#modules/admin/evaluations/evaluation_queries'
import { CENTRE_MESSAGES, centreListValidator, centreValidator } from '#modules/admin/centres/validators'

const FORM = { errorsTarget: '#centre-form-errors' }

/** 运管中心: the centres of the viewer's scope, registering one, and a centre's page (六有, staff, service figures). */
export default class CentresController {
  async index(ctx: HttpContext) {
    const { request, bouncer, auth } = ctx
    await bouncer.with(CentrePolicy).authorize('enter')
    const filters = await request.validateUsing(centreListValidator, { data: request.qs(), messagesProvider: areaMessages(ctx.i18n, CENTRE_MESSAGES) })
    const scopes = await auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
    const centres = await listCentres(scopes, filters)
    return renderPageOrFragment(ctx, 'admin/centres/pages/index', 'admin/centres/partials/list', {
      centres,
      level: filters.level,
      names: await centreNames(centres.all()),
      regions: await regionOptions(await auth.getUserOrFail().scopesFor('center_admin', 'platform_admin')),
    })
  }

  async store(ctx: HttpContext) {
    const { request, bouncer, auth, i18n, response, session } = ctx
    await bouncer.with(CentrePolicy).authorize('enter')
    const input = await guardForm(ctx, FORM, () => request.validateUsing(centreValidator, { messagesProvider: areaMessages(i18n, CENTRE_MESSAGES) }))
    const villageCode = input.village_code ?? null
    await bouncer.with(CentrePolicy).authorize('register', levelOf(input.region_code, villageCode), RegionScope.fromRegionCode(input.region_code))
    const centre = await guardForm(ctx, FORM, async () =>
      registerCenter(await actingAs(auth.getUserOrFail(), request.ip()), { regionCode: input.region_code, villageCode, name: input.name, address: input.address })
    )
    session.flash('success', i18n.t('admin.centres.registered', { name: centre.name }))
    return response.redirect().toRoute('admin.centres.show', { id: centre.id })
  }

  async show(ctx: HttpContext) {
    const { bouncer, params, auth } = ctx
    await bouncer.with(CentrePolicy).authorize('enter')
    const centre = await OperationCenter.findOrFail(params.id)
    await bouncer.with(CentrePolicy).authorize('view', centre, 'read')
    const checklist = await checklistOf(centre)
    return renderPageOrFragment(ctx, 'admin/centres/pages/show', 'admin/centres/partials/checklist', {
      centre,
      checklist,
      summary: checklistSummary(checklist),
      names: await centreNames([centre]),
      staff: await staffOfCentre(centre),
      figures: await figuresOfCentre(centre),
      scores: await scoresOfCentre(centre.id),
      canFill: await bouncer.with(CentrePolicy).allows('fill', centre),
      canReview: await bouncer.with(CentrePolicy).allows('review', centre),
      // Administrators go from a staff member to their role grants (角色与权限).
      canGrant: await auth.getUserOrFail().hasRole(...ADMIN_ROLES),
      user: auth.user,
    })
  }

}
