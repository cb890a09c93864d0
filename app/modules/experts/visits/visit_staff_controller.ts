import type { HttpContext } from '@adonisjs/core/http'
import type { VineValidator } from '@vinejs/vine'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { RegionScope } from '#core/regions/region_scope'
import { todayIso } from '#core/clock'
import { renderPageOrFragment } from '#core/http/render'
import Visit from '#modules/experts/models/visit'
import VisitPolicy from '#modules/experts/visits/policy'
import { cancelVisit, confirmVisitCost, dispatchVisit, rescheduleVisit, type VisitActor } from '#modules/experts/visits/visit_actions'
import { loadStaffVisit } from '#modules/experts/visits/visit_views'
import regionDirectory from '#core/regions/region_directory'
import {
  cancelVisitValidator,
  dispatchVisitValidator,
  rescheduleVisitValidator,
  staffVisitListValidator,
} from '#modules/experts/visits/validators'
import { formDone, guardForm, validateForm } from '#core/http/forms'
import { visitPaths } from '#modules/experts/visits/paths'
import type { ScopeIntent } from '#core/accounts/scoped_access'

const PER_PAGE = 20

/**
 * The centre's side of on-site visits (management area): the requests of the staff's
 * region scope, and for each one dispatch, reschedule, confirm the travel cost, cancel.
 */
export default class VisitStaffController {
  async index(ctx: HttpContext) {
    const { request, bouncer, auth } = ctx
    await bouncer.with(VisitPolicy).authorize('manage')
    const { status = 'requested', page = 1 } = await request.validateUsing(staffVisitListValidator, { data: request.qs() })
    const query = RegionScope.constrain(Visit.query(), await auth.getUserOrFail().scopesFor(...SCOPED_ROLES))
      .preload('expert', (expert) => expert.preload('user'))
      .orderBy('id', 'desc')
    if (status !== 'all') query.where('status', status)
    const visits = await query.paginate(page, PER_PAGE)
    const counties = await regionDirectory.fullNames(visits.all().map((visit) => visit.countyCode))
    return renderPageOrFragment(ctx, 'experts/visits/pages/staff_index', 'experts/visits/partials/staff_list', {
      visits,
      status,
      counties,
    })
  }

  async show(ctx: HttpContext) {
    const visit = await this.#authorized(ctx, 'read')
    return renderPageOrFragment(ctx, 'experts/visits/pages/staff_show', 'experts/visits/partials/staff_detail', {
      ...(await loadStaffVisit(visit)),
      today: todayIso(),
    })
  }

  async dispatch(ctx: HttpContext) {
    return this.#change(ctx, 'dispatch', dispatchVisitValidator, 'dispatched', (visit, staff, plan) =>
      dispatchVisit(visit, staff, { expertId: plan.expert_id, scheduledOn: plan.scheduled_on, place: plan.place })
    )
  }

  async reschedule(ctx: HttpContext) {
    return this.#change(ctx, 'reschedule', rescheduleVisitValidator, 'rescheduled', (visit, staff, plan) =>
      rescheduleVisit(visit, staff, { scheduledOn: plan.scheduled_on, place: plan.place, reason: plan.reason })
    )
  }

  async confirmCost(ctx: HttpContext) {
    return this.#change(ctx, 'cost', null, 'cost_confirmed', (visit, staff) => confirmVisitCost(visit, staff))
  }

  /** The confirmation step before a cancel, with the reason (works without JavaScript). */
  async confirmCancel(ctx: HttpContext) {
    const visit = await this.#authorized(ctx, 'manage')
    return ctx.view.render('experts/visits/pages/staff_cancel', { visit })
  }

  async cancel(ctx: HttpContext) {
    return this.#change(ctx, 'cancel', cancelVisitValidator, 'cancelled', (visit, staff, { reason }) => cancelVisit(visit, staff, reason))
  }

  /**
   * One staff form on a visit: validate, act, and answer with the refreshed detail
   * (htmx) or a redirect to it; failures go to the form's #visit-<form>-errors box.
   */
  async #change<V extends VineValidator<any, any>>(
    ctx: HttpContext,
    form: string,
    validator: V | null,
    done: string,
    act: (visit: Visit, staff: VisitActor, input: Awaited<ReturnType<V['validate']>>) => Promise<unknown>
  ) {
    const visit = await this.#authorized(ctx, 'manage')
    const options = { errorsTarget: `#visit-${form}-errors`, messages: 'experts.visits.validator' }
    const input = validator ? await validateForm(ctx, validator, options) : undefined
    await guardForm(ctx, options, () => act(visit, { id: ctx.auth.getUserOrFail().id, role: 'staff' }, input))
    return formDone(ctx, {
      message: ctx.i18n.t(`experts.visits.staff.${done}`),
      redirectTo: visitPaths.staffVisit(visit.id),
      fragment: async (status) =>
        ctx.view.render('experts/visits/partials/staff_detail', {
          ...(await loadStaffVisit(await Visit.findOrFail(visit.id))),
          today: todayIso(),
          status,
        }),
    })
  }

  /** Staff roles only, and only visits inside their scope (404 otherwise). */
  async #authorized({ params, bouncer }: HttpContext, intent: ScopeIntent) {
    await bouncer.with(VisitPolicy).authorize('manage')
    const visit = await Visit.findOrFail(params.id)
    await bouncer.with(VisitPolicy).authorize('handle', visit, intent)
    return visit
  }
}
