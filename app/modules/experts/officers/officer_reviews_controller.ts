import type { HttpContext } from '@adonisjs/core/http'
import User from '#core/accounts/models/user'
import { actingRole, type Actor } from '#core/accounts/acting'
import { areaMessages } from '#core/http/form_messages'
import { renderPageOrFragment } from '#core/http/render'
import regionDirectory from '#core/regions/region_directory'
import { RegionScope } from '#core/regions/region_scope'
import { suspensionOf } from '#core/regions/participation'
import { findVillage } from '#core/regions/villages'
import Officer from '#modules/experts/officers/officer'
import { rejectOfficer, verifyOfficer } from '#modules/experts/officers/officer_actions'
import { groupLabel } from '#modules/experts/officers/officer_queries'
import OfficerPolicy from '#modules/experts/officers/policy'
import { OFFICER_MESSAGES, officerReviewListValidator } from '#modules/experts/officers/validators'
import { REVIEW_ROLES } from '#modules/experts/profiles/policy'
import { NotPendingError } from '#modules/experts/profiles/profile_actions'
import { rejectionValidator } from '#modules/experts/profiles/validators'
import type { ScopeIntent } from '#core/accounts/scoped_access'

/** Centre staff verify or reject 信息员 applications of their region (as expert applications). */
export default class OfficerReviewsController {
  async index(ctx: HttpContext) {
    const { request, bouncer, auth, i18n } = ctx
    await bouncer.with(OfficerPolicy).authorize('review')
    const { status = 'pending', page = 1 } = await request.validateUsing(officerReviewListValidator, { data: request.qs() })
    const scopes = await auth.getUserOrFail().scopesFor(...REVIEW_ROLES)
    const officers = await RegionScope.constrain(Officer.query(), scopes)
      .where('status', status)
      .preload('user')
      .orderBy('id', status === 'pending' ? 'asc' : 'desc')
      .paginate(page, 20)
    const villages = Object.fromEntries(
      await Promise.all([...new Set(officers.map((officer) => officer.villageCode))].map(async (code) => [code, await findVillage(code)]))
    )
    return renderPageOrFragment(ctx, 'experts/officers/pages/reviews', 'experts/officers/partials/review_list', {
      officers,
      status,
      villages,
      groups: Object.fromEntries(officers.map((officer) => [officer.id, groupLabel((key) => i18n.t(key), officer)])),
      regionNames: await regionDirectory.fullNames(officers.map((officer) => officer.countyCode)),
      scopeNames: await Promise.all(scopes.map((scope) => regionDirectory.fullName(scope.regionCode))),
    })
  }

  async show({ params, bouncer, view, i18n }: HttpContext) {
    const officer = await this.#authorized(params.id, bouncer, 'read')
    return view.render('experts/officers/pages/review', {
      officer,
      applicant: await User.findOrFail(officer.userId),
      village: await findVillage(officer.villageCode),
      region: await regionDirectory.fullName(officer.countyCode),
      group: groupLabel((key) => i18n.t(key), officer),
      suspension: await suspensionOf(officer.countyCode),
    })
  }

  async verify(ctx: HttpContext) {
    return this.#decide(ctx, 'verified', (acting, role, officer) => verifyOfficer(acting, role, officer.id))
  }

  /** The reason is checked after the reviewer is: nobody learns of an application out of their scope. */
  async reject(ctx: HttpContext) {
    return this.#decide(ctx, 'rejected', async (acting, role, officer) => {
      const { reason } = await ctx.request.validateUsing(rejectionValidator, { messagesProvider: areaMessages(ctx.i18n, OFFICER_MESSAGES) })
      await rejectOfficer(acting, role, officer.id, reason)
    })
  }

  async #decide(
    { params, bouncer, auth, request, response, session, i18n }: HttpContext,
    outcome: 'verified' | 'rejected',
    decide: (acting: Actor, role: string, officer: Officer) => Promise<unknown>
  ) {
    const officer = await this.#authorized(params.id, bouncer, 'manage')
    const actor = auth.getUserOrFail()
    try {
      await decide({ actor, ip: request.ip() }, (await actingRole(actor, officer.countyCode, REVIEW_ROLES))!, officer)
    } catch (error) {
      if (!(error instanceof NotPendingError)) throw error
      session.flash('error', i18n.t('experts.officers.review.not_pending'))
      return response.redirect().toRoute('experts.officers.reviews.show', { id: officer.id })
    }
    session.flash('success', i18n.t(`experts.officers.review.${outcome}`))
    return response.redirect().toRoute('experts.officers.reviews.index')
  }

  /** 403 for people who review nothing; 404 for an application outside the reviewer's region. */
  async #authorized(id: string, bouncer: HttpContext['bouncer'], intent: ScopeIntent) {
    await bouncer.with(OfficerPolicy).authorize('review')
    const officer = await Officer.findOrFail(id)
    await bouncer.with(OfficerPolicy).authorize('reviewOfficer', officer, intent)
    return officer
  }
}
