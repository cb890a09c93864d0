import type { HttpContext } from '@adonisjs/core/http'
import User from '#core/accounts/models/user'
import Media from '#core/media/media'
import { RegionScope } from '#core/regions/region_scope'
import regionDirectory from '#core/regions/region_directory'
import { renderPageOrFragment } from '#core/http/render'
import Expert from '#modules/experts/models/expert'
import ProfilePolicy, { REVIEW_ROLES } from '#modules/experts/profiles/policy'
import { actingRole, type Actor } from '#core/accounts/acting'
import { NotPendingError, rejectExpert, verifyExpert } from '#modules/experts/profiles/profile_actions'
import { industryNames } from '#core/industries/industry_directory'
import { profileMessages, rejectionValidator, reviewListValidator } from '#modules/experts/profiles/validators'
import type { ScopeIntent } from '#core/accounts/scoped_access'

/** Centre staff review expert applications inside their region scope. */
export default class ProfileReviewsController {
  /** Pending applications oldest first (a queue); verified and rejected ones newest first. */
  async index(ctx: HttpContext) {
    const { request, bouncer, auth } = ctx
    await bouncer.with(ProfilePolicy).authorize('review')
    const { status = 'pending', page = 1 } = await request.validateUsing(reviewListValidator, { data: request.qs() })
    const scopes = await auth.getUserOrFail().scopesFor(...REVIEW_ROLES)
    const experts = await RegionScope.constrain(Expert.query(), scopes)
      .where('status', status)
      .preload('user')
      .orderBy('id', status === 'pending' ? 'asc' : 'desc')
      .paginate(page, 20)
    return renderPageOrFragment(ctx, 'experts/profiles/pages/reviews', 'experts/profiles/partials/review_list', {
      experts,
      status,
      regionNames: await regionDirectory.fullNames(experts.map((expert) => expert.countyCode)),
      scopeNames: await Promise.all(scopes.map((scope) => regionDirectory.fullName(scope.regionCode))),
    })
  }

  async show({ params, bouncer, view }: HttpContext) {
    const expert = await this.#authorized(params.id, bouncer, 'read')
    return view.render('experts/profiles/pages/review', {
      expert,
      applicant: await User.findOrFail(expert.userId),
      photo: expert.photoId ? await Media.find(expert.photoId) : null,
      region: await regionDirectory.fullName(expert.countyCode),
      industryNames: Object.fromEntries(await industryNames()),
    })
  }

  async verify(ctx: HttpContext) {
    return this.#decide(ctx, 'verified', (acting, role, expert) => verifyExpert(acting, role, expert.id))
  }

  /** The reason is checked after the reviewer is: nobody learns of a profile out of their scope. */
  async reject(ctx: HttpContext) {
    return this.#decide(ctx, 'rejected', async (acting, role, expert) => {
      const { reason } = await ctx.request.validateUsing(rejectionValidator, { messagesProvider: profileMessages(ctx.i18n) })
      await rejectExpert(acting, role, expert.id, reason)
    })
  }

  async #decide(
    { params, bouncer, auth, request, response, session, i18n }: HttpContext,
    outcome: 'verified' | 'rejected',
    decide: (acting: Actor, role: string, expert: Expert) => Promise<unknown>
  ) {
    const expert = await this.#authorized(params.id, bouncer, 'manage')
    const actor = auth.getUserOrFail()
    try {
      await decide({ actor, ip: request.ip() }, (await actingRole(actor, expert.countyCode, REVIEW_ROLES))!, expert)
    } catch (error) {
      if (!(error instanceof NotPendingError)) throw error
      session.flash('error', i18n.t('experts.profiles.review.not_pending'))
      return response.redirect().toRoute('experts.profiles.reviews.show', { id: expert.id })
    }
    session.flash('success', i18n.t(`experts.profiles.review.${outcome}`))
    return response.redirect().toRoute('experts.profiles.reviews.index')
  }

  /** 403 for people who review nothing; 404 for a profile outside the reviewer's region. */
  async #authorized(id: string, bouncer: HttpContext['bouncer'], intent: ScopeIntent) {
    await bouncer.with(ProfilePolicy).authorize('review')
    const expert = await Expert.findOrFail(id)
    await bouncer.with(ProfilePolicy).authorize('reviewProfile', expert, intent)
    return expert
  }
}
