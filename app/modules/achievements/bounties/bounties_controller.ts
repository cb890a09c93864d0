import type { HttpContext } from '@adonisjs/core/http'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import { areaMessages } from '#core/http/form_messages'
import { fenToYuan } from '#core/money'
import BountyPolicy from '#modules/achievements/bounties/policy'
import { deadlineOf } from '#modules/achievements/listings/listing_rules'
import { formOptions, listingFilters, listingLabels } from '#modules/achievements/listings/listing_queries'
import { budgetText } from '#modules/achievements/listings/listings_controller'
import { cancelBounty, grabBounty, partyOf, pickClaim, postBounty, rateBounty, reportFee, startNegotiation } from '#modules/achievements/bounties/bounty_actions'
import { claimsOf, openBounties, visibleBounty } from '#modules/achievements/bounties/bounty_queries'
import { AWARD_MODES } from '#modules/achievements/bounties/bounty_states'
import { BOUNTY_MESSAGES, bountyValidator, cancelValidator, feeValidator, grabValidator, pickValidator, rateValidator } from '#modules/achievements/bounties/validators'
import type Bounty from '#modules/achievements/models/bounty'

const FORM = { errorsTarget: '#bounty-form-errors' }
const STEP = { errorsTarget: '#bounty-step-errors' }

/** 你发榜我抢单: the board, posting, the bounty page and each party's step on it. */
export default class BountiesController {
  async index(ctx: HttpContext) {
    const filters = await listingFilters(ctx.request.qs())
    const result = await openBounties(filters)
    const query = Object.fromEntries(Object.entries({ city: filters.city, county_code: filters.county, industry: filters.industry }).filter(([, v]) => v))
    const pageLink = (page: number) => `/achievements/bounties?${new URLSearchParams({ ...query, page: String(page) })}`
    return renderPageOrFragment(ctx, 'achievements/bounties/pages/index', 'achievements/bounties/partials/list', {
      result,
      filters,
      budgetText,
      previous: result.page > 1 ? pageLink(result.page - 1) : null,
      next: result.hasMore ? pageLink(result.page + 1) : null,
      ...(await listingLabels(result.bounties)),
      ...(await formOptions()),
    })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with(BountyPolicy).authorize('post')
    return view.render('achievements/bounties/pages/new', { awardModes: AWARD_MODES, ...(await formOptions()) })
  }

  async store(ctx: HttpContext) {
    const { request, auth, bouncer, i18n, session, response } = ctx
    await bouncer.with(BountyPolicy).authorize('post')
    const bounty = await guardForm(ctx, FORM, async () => {
      const input = await request.validateUsing(bountyValidator, { messagesProvider: areaMessages(i18n, BOUNTY_MESSAGES) })
      return postBounty(
        { actor: auth.getUserOrFail(), ip: request.ip() },
        {
          title: input.title,
          description: input.description,
          industry: input.industry,
          countyCode: input.county_code,
          budgetMinFen: input.budget_min ?? null,
          budgetMaxFen: input.budget_max ?? null,
          deadline: deadlineOf(input.deadline)!,
          awardMode: input.award_mode,
        }
      )
    })
    session.flash('success', i18n.t(bounty.held ? 'achievements.listings.held' : 'achievements.bounties.posted'))
    return response.redirect(`/achievements/bounties/${bounty.id}`)
  }

  async show(ctx: HttpContext) {
    const bounty = await visibleBounty(ctx.params.id, ctx.auth.user?.id ?? null)
    if (!bounty) return ctx.response.notFound()
    return ctx.view.render('achievements/bounties/pages/show', await this.#pageData(ctx, bounty))
  }

  /** 抢单 (a signed-in expert's proposal). Refusals (unverified, another industry, twice) come back as messages. */
  async grab(ctx: HttpContext) {
    return this.#step(ctx, async (bounty) => {
      const { proposal } = await ctx.request.validateUsing(grabValidator, { messagesProvider: areaMessages(ctx.i18n, BOUNTY_MESSAGES) })
      const { claim } = await grabBounty(this.#actor(ctx), bounty, proposal)
      return claim.status === 'chosen' ? 'achievements.bounties.grabbed_won' : 'achievements.bounties.grabbed'
    })
  }

  async pick(ctx: HttpContext) {
    return this.#step(ctx, async (bounty) => {
      if (bounty.ownerId !== ctx.auth.getUserOrFail().id) return null
      const { claim_id: claimId } = await ctx.request.validateUsing(pickValidator, { messagesProvider: areaMessages(ctx.i18n, BOUNTY_MESSAGES) })
      await pickClaim(this.#actor(ctx), bounty, claimId)
      return 'achievements.bounties.picked'
    })
  }

  async negotiate(ctx: HttpContext) {
    return this.#step(ctx, async (bounty) => {
      await startNegotiation(this.#actor(ctx), bounty)
      return 'achievements.bounties.negotiating'
    })
  }

  async fee(ctx: HttpContext) {
    return this.#step(ctx, async (bounty) => {
      const { fee } = await ctx.request.validateUsing(feeValidator, { messagesProvider: areaMessages(ctx.i18n, BOUNTY_MESSAGES) })
      const after = await reportFee(this.#actor(ctx), bounty, fee)
      return after.status === 'agreed' ? 'achievements.bounties.fee_agreed' : 'achievements.bounties.fee_reported'
    })
  }

  async rate(ctx: HttpContext) {
    return this.#step(ctx, async (bounty) => {
      const { rating } = await ctx.request.validateUsing(rateValidator, { messagesProvider: areaMessages(ctx.i18n, BOUNTY_MESSAGES) })
      const after = await rateBounty(this.#actor(ctx), bounty, rating)
      return after.status === 'done' ? 'achievements.bounties.done' : 'achievements.bounties.rated'
    })
  }

  async cancel(ctx: HttpContext) {
    return this.#step(ctx, async (bounty) => {
      if (bounty.ownerId !== ctx.auth.getUserOrFail().id) return null
      const { reason } = await ctx.request.validateUsing(cancelValidator, { messagesProvider: areaMessages(ctx.i18n, BOUNTY_MESSAGES) })
      await cancelBounty(this.#actor(ctx), bounty, reason)
      return 'achievements.bounties.cancelled'
    })
  }

  #actor(ctx: HttpContext) {
    return { actor: ctx.auth.getUserOrFail(), ip: ctx.request.ip() }
  }

  /**
   * One step on a bounty the person can see (else 404): `work` returns the message key of
   * the result, or null when the person may not take this step (404 too). htmx gets the
   * page's step panel; without JavaScript, back to the page with a flash.
   */
  async #step(ctx: HttpContext, work: (bounty: Bounty) => Promise<string | null>) {
    const bounty = await visibleBounty(ctx.params.id, ctx.auth.getUserOrFail().id)
    if (!bounty) return ctx.response.notFound()
    const done = await guardForm(ctx, STEP, () => work(bounty))
    if (!done) return ctx.response.notFound()
    await bounty.refresh()
    return formDone(ctx, {
      message: ctx.i18n.t(done),
      redirectTo: `/achievements/bounties/${bounty.id}`,
      fragment: async (status) => ctx.view.render('achievements/bounties/partials/panel', { ...(await this.#pageData(ctx, bounty)), status }),
    })
  }

  async #pageData(ctx: HttpContext, bounty: Bounty) {
    const user = ctx.auth.user
    const party = user ? await partyOf(bounty, user.id) : null
    const claims = party === 'owner' ? await claimsOf(bounty) : []
    const ownClaim = user && party !== 'owner' ? (await claimsOf(bounty)).find((entry) => entry.claim.expertUserId === user.id) : undefined
    return {
      bounty,
      party,
      claims,
      ownClaim,
      signedIn: !!user,
      budgetText,
      fenToYuan,
      ...(await listingLabels([bounty])),
    }
  }
}
