import type { HttpContext } from '@adonisjs/core/http'
import { fenToYuan } from '#core/money'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import ListingPolicy from '#modules/achievements/listings/policy'
import { formValues, listingFormData, listingInput } from '#modules/achievements/listings/listing_form'
import { ownListing, publishListing, publishedListing, updateListing, withdrawListing } from '#modules/achievements/listings/listing_actions'
import { formOptions, listingFilters, listingLabels, listPublished } from '#modules/achievements/listings/listing_queries'
import { findMatches } from '#modules/achievements/matching/matches'
import type { Listing } from '#modules/achievements/shared/listings'
import { LISTING_KINDS, otherSide, SIDES, type Side } from '#modules/achievements/shared/vocabulary'
import type TechDemand from '#modules/achievements/models/tech_demand'

const FORM = { errorsTarget: '#listing-form-errors' }

/** The side named in the path (the routes only match demands|offers). */
const sideOf = ({ params }: HttpContext): Side => (SIDES.includes(params.side) ? params.side : 'demands')

/** "1000.00–5000.00 元", "至少 1000.00 元", "" */
export function budgetText(demand: Pick<TechDemand, 'budgetMinFen' | 'budgetMaxFen'>) {
  const { budgetMinFen: min, budgetMaxFen: max } = demand
  if (min === null && max === null) return ''
  if (min !== null && max !== null) return min === max ? fenToYuan(min) : `${fenToYuan(min)}–${fenToYuan(max)}`
  return min !== null ? `≥ ${fenToYuan(min)}` : `≤ ${fenToYuan(max!)}`
}

/** 技术需求 and 成果供给: the public lists and pages, and the owner's publish, edit and withdraw. */
export default class ListingsController {
  async index(ctx: HttpContext) {
    const side = sideOf(ctx)
    const filters = await listingFilters(ctx.request.qs())
    const result = await listPublished(side, filters)
    const query = Object.fromEntries(Object.entries({ city: filters.city, county_code: filters.county, industry: filters.industry, kind: filters.kind }).filter(([, v]) => v))
    const pageLink = (page: number) => `/achievements/${side}?${new URLSearchParams({ ...query, page: String(page) })}`
    return renderPageOrFragment(ctx, 'achievements/listings/pages/index', 'achievements/listings/partials/list', {
      side,
      result,
      filters,
      kinds: LISTING_KINDS,
      budgetText,
      previous: result.page > 1 ? pageLink(result.page - 1) : null,
      next: result.hasMore ? pageLink(result.page + 1) : null,
      ...(await listingLabels(result.listings)),
      ...(await formOptions()),
    })
  }

  /** A published listing, with its matches on the other side; the owner also sees theirs while held or withdrawn. */
  async show(ctx: HttpContext) {
    const side = sideOf(ctx)
    const user = ctx.auth.user
    const listing = (await publishedListing(side, ctx.params.id)) ?? (user ? await ownListing(side, user.id, ctx.params.id) : null)
    if (!listing) return ctx.response.notFound()
    const matches = listing.status === 'published' ? await findMatches(side, listing) : []
    return ctx.view.render('achievements/listings/pages/show', {
      side,
      other: otherSide(side),
      listing,
      matches,
      isOwner: user?.id === listing.ownerId,
      budgetText,
      ...(await listingLabels([listing, ...matches.map((match) => match.listing)])),
    })
  }

  async create(ctx: HttpContext) {
    const side = sideOf(ctx)
    await ctx.bouncer.with(ListingPolicy).authorize('publish', side)
    return this.#form(ctx, side, null)
  }

  async store(ctx: HttpContext) {
    const side = sideOf(ctx)
    const { request, auth, bouncer, i18n, session, response } = ctx
    await bouncer.with(ListingPolicy).authorize('publish', side)
    const listing = await guardForm(ctx, FORM, async () =>
      publishListing({ actor: auth.getUserOrFail(), ip: request.ip() }, side, await listingInput(ctx, side))
    )
    session.flash('success', i18n.t(listing.status === 'held' ? 'achievements.listings.held' : 'achievements.listings.published'))
    return response.redirect(`/achievements/${side}/${listing.id}`)
  }

  async edit(ctx: HttpContext) {
    const side = sideOf(ctx)
    const listing = await ownListing(side, ctx.auth.getUserOrFail().id, ctx.params.id)
    if (!listing || listing.status === 'withdrawn') return ctx.response.notFound()
    return this.#form(ctx, side, listing)
  }

  async update(ctx: HttpContext) {
    const side = sideOf(ctx)
    const { request, auth, i18n } = ctx
    const listing = await ownListing(side, auth.getUserOrFail().id, ctx.params.id)
    if (!listing || listing.status === 'withdrawn') return ctx.response.notFound()
    await guardForm(ctx, FORM, async () => updateListing({ actor: auth.getUserOrFail(), ip: request.ip() }, side, listing, await listingInput(ctx, side)))
    ctx.session.flash('success', i18n.t(listing.status === 'held' ? 'achievements.listings.held' : 'achievements.listings.updated'))
    return ctx.response.redirect(`/achievements/${side}/${listing.id}`)
  }

  /** 撤回: htmx swaps the owner's box for the status line; without JavaScript back to the page. */
  async withdraw(ctx: HttpContext) {
    const side = sideOf(ctx)
    const { request, auth, i18n, view } = ctx
    const listing = await ownListing(side, auth.getUserOrFail().id, ctx.params.id)
    if (!listing) return ctx.response.notFound()
    await guardForm(ctx, { errorsTarget: '#listing-owner-errors' }, () => withdrawListing({ actor: auth.getUserOrFail(), ip: request.ip() }, side, listing))
    return formDone(ctx, {
      message: i18n.t('achievements.listings.withdrawn'),
      redirectTo: `/achievements/${side}/${listing.id}`,
      fragment: async (status) => view.render('achievements/listings/partials/owner_box', { side, listing, status }),
    })
  }

  async #form({ view }: HttpContext, side: Side, listing: Listing | null) {
    return view.render('achievements/listings/pages/form', { listing, ...(await listingFormData(side, formValues(side, listing))) })
  }
}
