import type { HttpContext } from '@adonisjs/core/http'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { todayIso } from '#core/clock'
import { RegionScope } from '#core/regions/region_scope'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import Visit from '#modules/experts/models/visit'
import VisitPolicy from '#modules/experts/visits/policy'
import { cancelVisit, confirmVisitCost, dispatchVisit, rescheduleVisit } from '#modules/experts/visits/visit_actions'
import { loadStaffVisit } from '#modules/experts/visits/visit_views'
import { regionNames } from '#modules/experts/profiles/profile_queries'
import {
  cancelVisitValidator,
  dispatchVisitValidator,
  rescheduleVisitValidator,
  staffVisitListValidator,
} from '#modules/experts/visits/validators'
import { guardVisitForm, validateVisitForm } from '#modules/experts/visits/visit_forms'
import { visitPaths } from '#modules/experts/visits/paths'

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
    const scopes = await auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
    const query = RegionScope.constrain(Visit.query(), scopes).preload('expert', (expert) => expert.preload('user')).orderBy('id', 'desc')
    if (status !== 'all') query.where('status', status)
    const visits = await query.paginate(page, PER_PAGE)
    const counties = await regionNames(visits.all().map((visit) => visit.countyCode))
    return renderPageOrFragment(ctx, 'experts/visits/pages/staff_index', 'experts/visits/partials/staff_list', {
      visits,
      status,
      counties,
    })
  }

  async show(ctx: HttpContext) {
    const visit = await this.#authorized(ctx)
    return renderPageOrFragment(ctx, 'experts/visits/pages/staff_show', 'experts/visits/partials/staff_detail', {
      ...(await loadStaffVisit(visit)),
      today: todayIso(),
    })
  }

  async dispatch(ctx: HttpContext) {
    const visit = await this.#authorized(ctx)
    const target = '#visit-dispatch-errors'
    const plan = await validateVisitForm(ctx, dispatchVisitValidator, target)
    await guardVisitForm(ctx, target, () =>
      dispatchVisit(visit, this.#staff(ctx), { expertId: plan.expert_id, scheduledOn: plan.scheduled_on, place: plan.place })
    )
    return this.#done(ctx, visit, 'experts.visits.staff.dispatched')
  }

  async reschedule(ctx: HttpContext) {
    const visit = await this.#authorized(ctx)
    const target = '#visit-reschedule-errors'
    const plan = await validateVisitForm(ctx, rescheduleVisitValidator, target)
    await guardVisitForm(ctx, target, () =>
      rescheduleVisit(visit, this.#staff(ctx), { scheduledOn: plan.scheduled_on, place: plan.place, reason: plan.reason })
    )
    return this.#done(ctx, visit, 'experts.visits.staff.rescheduled')
  }

  async confirmCost(ctx: HttpContext) {
    const visit = await this.#authorized(ctx)
    await guardVisitForm(ctx, '#visit-cost-errors', () => confirmVisitCost(visit, this.#staff(ctx)))
    return this.#done(ctx, visit, 'experts.visits.staff.cost_confirmed')
  }

  /** The confirmation step before a cancel, with the reason (works without JavaScript). */
  async confirmCancel(ctx: HttpContext) {
    const visit = await this.#authorized(ctx)
    return ctx.view.render('experts/visits/pages/staff_cancel', { visit })
  }

  async cancel(ctx: HttpContext) {
    const visit = await this.#authorized(ctx)
    const target = '#visit-cancel-errors'
    const { reason } = await validateVisitForm(ctx, cancelVisitValidator, target)
    await guardVisitForm(ctx, target, () => cancelVisit(visit, this.#staff(ctx), reason))
    return this.#done(ctx, visit, 'experts.visits.staff.cancelled')
  }

  /** Staff roles only, and only visits inside their scope (404 otherwise). */
  async #authorized({ params, bouncer }: HttpContext) {
    await bouncer.with(VisitPolicy).authorize('manage')
    const visit = await Visit.findOrFail(params.id)
    await bouncer.with(VisitPolicy).authorize('handle', visit)
    return visit
  }

  #staff(ctx: HttpContext) {
    return { id: ctx.auth.getUserOrFail().id, role: 'staff' as const }
  }

  async #done(ctx: HttpContext, visit: Visit, message: string) {
    if (wantsFragment(ctx)) {
      const fresh = await Visit.findOrFail(visit.id)
      return ctx.view.render('experts/visits/partials/staff_detail', {
        ...(await loadStaffVisit(fresh)),
        today: todayIso(),
        status: ctx.i18n.t(message),
      })
    }
    ctx.session.flash('success', ctx.i18n.t(message))
    return ctx.response.redirect(visitPaths.staffVisit(visit.id))
  }
}
