import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import regionDirectory from '#core/regions/region_directory'
import { suspensionOfScopes } from '#core/regions/participation'
import Consultation from '#modules/experts/models/consultation'
import { EXPERT_LEVELS } from '#modules/experts/shared/consultation_states'
import ConsultationEvent from '#modules/experts/models/consultation_event'
import { assignByCentre, reachableExperts } from '#modules/experts/triage/assign_expert'
import TriagePolicy from '#modules/experts/triage/policy'
import { actingRole } from '#core/accounts/acting'
import type { ScopeIntent } from '#core/accounts/scoped_access'
import { boardCases, currentDeadline, industryName } from '#modules/experts/responses/expert_cases'
import { assignValidator, triagePageValidator } from '#modules/experts/triage/validators'

/** Kinds of the case history that tell how triage went. */
const TRIAGE_EVENTS = ['entered_triage', 'assigned', 'reassigned', 'declined', 'response_missed', 'triage_escalated', 'no_candidate', 'accepted']

/**
 * 分诊台 (/triage): the centre's cases waiting for an expert or for the expert's
 * first word, most urgent first, and the manual assign/reassign with a reason.
 */
export default class TriageBoardController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(TriagePolicy).authorize('board')
    const { page } = await ctx.request.validateUsing(triagePageValidator, { data: ctx.request.qs() })
    const scopes = await ctx.auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
    const cases = await boardCases(scopes, page ?? 1)
    const rows = await Promise.all(
      cases.all().map(async (consultation) => ({
        consultation,
        industry: await industryName(consultation.industryCode),
        county: await regionDirectory.fullName(consultation.countyCode),
        deadline: currentDeadline(consultation),
      }))
    )
    return renderPageOrFragment(ctx, 'experts/triage/pages/board', 'experts/triage/partials/board_list', {
      cases,
      rows,
      suspension: wantsFragment(ctx) ? null : await suspensionOfScopes(scopes),
    })
  }

  async show(ctx: HttpContext) {
    const consultation = await this.#authorized(ctx, 'read')
    return this.#renderPanel(ctx, consultation, 'experts/triage/pages/assign')
  }

  async assign(ctx: HttpContext) {
    const { request, response, session, i18n, auth } = ctx
    const consultation = await this.#authorized(ctx, 'manage')
    if (wantsFragment(ctx)) response.header('HX-Retarget', '#assign-errors').header('HX-Reswap', 'innerHTML')
    const { expert_id: expertId, reason } = await request.validateUsing(assignValidator, {
      messagesProvider: i18n.createMessagesProvider('experts.triage.validation'),
    })
    const user = auth.getUserOrFail()
    // The policy let them in, so one of their centre roles holds the county.
    const role = (await actingRole(user, consultation.countyCode, SCOPED_ROLES))!
    const assigned = await db.transaction((trx) => assignByCentre(trx, consultation.id, expertId, user, role, reason))
    const text = i18n.t('experts.triage.assign.assigned', { name: assigned.expert.$extras.name ?? '' })
    if (wantsFragment(ctx)) {
      response.removeHeader('HX-Retarget').removeHeader('HX-Reswap')
      await consultation.refresh()
      return this.#renderPanel(ctx, consultation, 'experts/triage/partials/assign_panel', text)
    }
    session.flash('success', text)
    return response.redirect('/triage')
  }

  async #authorized(ctx: HttpContext, intent: ScopeIntent) {
    await ctx.bouncer.with(TriagePolicy).authorize('board')
    const consultation = await Consultation.findOrFail(ctx.params.id)
    await ctx.bouncer.with(TriagePolicy).authorize('manage', consultation, intent)
    return consultation
  }

  async #renderPanel(ctx: HttpContext, consultation: Consultation, template: string, status?: string) {
    await consultation.load('expert', (expert) => expert.preload('user'))
    const candidates = await reachableExperts(db.connection(), consultation)
    const events = await ConsultationEvent.query()
      .where('consultation_id', consultation.id)
      .whereIn('kind', TRIAGE_EVENTS)
      .orderBy('id', 'desc')
      .limit(20)
    return ctx.view.render(template, {
      consultation,
      candidates,
      // Translated once, not once per candidate: the picker is the board's heaviest page.
      levelNames: Object.fromEntries(EXPERT_LEVELS.map((level) => [level, ctx.i18n.t(`experts.triage.levels.${level}`)])),
      events,
      status,
      industry: await industryName(consultation.industryCode),
      county: await regionDirectory.fullName(consultation.countyCode),
      deadline: currentDeadline(consultation),
    })
  }
}
