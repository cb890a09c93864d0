import type { HttpContext } from '@adonisjs/core/http'
import { clock } from '#core/clock'
import { maskPhone } from '#core/accounts/mask'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import Consultation from '#modules/experts/models/consultation'
import { SERVICE_CATEGORIES } from '#modules/experts/models/followup_call'
import FollowupPolicy from '#modules/experts/followups/policy'
import { industryNames } from '#core/industries/industry_directory'
import regionDirectory from '#core/regions/region_directory'
import { FOLLOWUP_ROLES } from '#modules/experts/shared/staff'
import { actingRole } from '#core/accounts/acting'
import type { ScopeIntent } from '#core/accounts/scoped_access'
import { callValidator, queueValidator, revealValidator } from '#modules/experts/followups/validators'
import {
  callsOf,
  followupQueue,
  isOverdue,
  recordFollowupCall,
  revealPhone,
  type PhoneOwner,
} from '#modules/experts/followups/followup_calls'

/**
 * 回访: the queue of closed cases of the staff's scope and the page of one case,
 * where the call is recorded. Phones stay masked until "显示号码" (audited).
 */
export default class FollowupsController {
  async index(ctx: HttpContext) {
    const { request, bouncer, auth } = ctx
    await bouncer.with(FollowupPolicy).authorize('work')
    const { page } = await request.validateUsing(queueValidator, { data: request.qs() })
    const cases = await followupQueue(await auth.getUserOrFail().scopesFor(...FOLLOWUP_ROLES), page ?? 1)
    return renderPageOrFragment(ctx, 'experts/followups/pages/queue', 'experts/followups/partials/queue', {
      cases,
      now: clock.now(),
      isOverdue,
      ...(await this.#names(cases.all())),
    })
  }

  async show(ctx: HttpContext) {
    const consultation = await this.#authorized(ctx, 'read')
    return this.#renderCase(ctx, consultation, {})
  }

  /** "显示号码": the number in full, for this person, once, with an audit row. */
  async reveal(ctx: HttpContext) {
    const { request, auth, i18n } = ctx
    const consultation = await this.#authorized(ctx, 'manage')
    const { owner } = await request.validateUsing(revealValidator, {
      messagesProvider: i18n.createMessagesProvider('experts.followups.validator'),
    })
    const user = auth.getUserOrFail()
    const role = (await actingRole(user, consultation.countyCode, FOLLOWUP_ROLES))!
    const phone = await revealPhone(user, role, consultation, owner as PhoneOwner, request.ip())
    if (!phone) return ctx.response.notFound()
    if (wantsFragment(ctx)) {
      return ctx.view.render('experts/followups/partials/phone', { consultation, owner, phone, revealed: true })
    }
    return this.#renderCase(ctx, consultation, { [owner]: phone })
  }

  async storeCall(ctx: HttpContext) {
    const { request, auth, i18n, session, response } = ctx
    const consultation = await this.#authorized(ctx, 'manage')
    const input = await request.validateUsing(callValidator, {
      messagesProvider: i18n.createMessagesProvider('experts.followups.validator'),
    })
    const user = auth.getUserOrFail()
    const role = (await actingRole(user, consultation.countyCode, FOLLOWUP_ROLES))!
    const reached = input.reached === 'yes'
    await recordFollowupCall(user, role, consultation.id, {
      reached,
      serviceValid: input.service_valid === 'valid',
      category: input.category,
      notes: input.notes,
    })
    const message = i18n.t(reached ? 'experts.followups.recorded_reached' : 'experts.followups.recorded_unreached')
    if (wantsFragment(ctx)) {
      // The form's own errors box is the default target; on success the whole case panel is replaced.
      response.header('HX-Retarget', '#followup-case').header('HX-Reswap', 'outerHTML')
      await consultation.refresh()
      return ctx.view.render('experts/followups/partials/case', await this.#caseData(consultation, {}, message))
    }
    session.flash('success', message)
    return reached
      ? response.redirect().toRoute('experts.followups.index')
      : response.redirect().toRoute('experts.followups.show', { id: consultation.id })
  }

  async #authorized({ params, bouncer }: HttpContext, intent: ScopeIntent) {
    await bouncer.with(FollowupPolicy).authorize('work')
    const consultation = await Consultation.findOrFail(params.id)
    await bouncer.with(FollowupPolicy).authorize('handle', consultation, intent)
    return consultation
  }

  async #renderCase(ctx: HttpContext, consultation: Consultation, revealed: Partial<Record<PhoneOwner, string>>) {
    return renderPageOrFragment(
      ctx,
      'experts/followups/pages/case',
      'experts/followups/partials/case',
      await this.#caseData(consultation, revealed)
    )
  }

  async #caseData(consultation: Consultation, revealed: Partial<Record<PhoneOwner, string>>, status?: string) {
    await consultation.load('reporter')
    return {
      consultation,
      revealed,
      status,
      calls: await callsOf(consultation),
      overdue: isOverdue(consultation),
      categories: SERVICE_CATEGORIES,
      maskPhone,
      ...(await this.#names([consultation])),
    }
  }

  /** Region and industry names of the listed cases (in-memory directory, per-process industry list). */
  async #names(consultations: Consultation[]) {
    return {
      counties: await regionDirectory.fullNames(consultations.map((consultation) => consultation.countyCode)),
      industries: Object.fromEntries(await industryNames()),
    }
  }
}
