import type { HttpContext } from '@adonisjs/core/http'
import { fenToYuan } from '#core/money'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import { areaMessages } from '#core/http/form_messages'
import { industriesOf } from '#core/industries/industry_rules'
import ListingPolicy from '#modules/achievements/listings/policy'
import { deadlineOf } from '#modules/achievements/listings/listing_rules'
import { ownListing, publishListing, publishedListing, updateListing, withdrawListing, type ListingInput } from '#modules/achievements/listings/listing_actions'
import { formOptions, listingFilters, listingLabels, listPublished } from '#modules/achievements/listings/listing_queries'
import { demandValidator, LISTING_MESSAGES, offerValidator } from '#modules/achievements/listings/validators'
import { findMatches } from '#modules/achievements/matching/matches'
import type { Listing } from '#modules/achievements/shared/listings'
import { IP_STATUSES, LISTING_KINDS, MATURITIES, otherSide, SIDES, type Side } from '#modules/achievements/shared/vocabulary'
import type TechDemand from '#modules/achievements/models/tech_demand'
import type TechOffer from '#modules/achievements/models/tech_offer'

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

/** The form's fields as the actions take them. */
async function listingInput(ctx: HttpContext, side: Side): Promise<ListingInput> {
  const messagesProvider = areaMessages(ctx.i18n, LISTING_MESSAGES)
  if (side === 'demands') {
    const input = await ctx.request.validateUsing(demandValidator, { messagesProvider })
    return {
      kind: input.kind,
      title: input.title,
      description: input.description,
      industries: industriesOf(input.industry, input.other_industries),
      countyCode: input.county_code,
      budgetMinFen: input.budget_min ?? null,
      budgetMaxFen: input.budget_max ?? null,
      deadline: deadlineOf(input.deadline),
    }
  }
  const input = await ctx.request.validateUsing(offerValidator, { messagesProvider })
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    industries: industriesOf(input.industry, input.other_industries),
    countyCode: input.county_code,
    maturity: input.maturity,
    ipStatus: input.ip_status,
    patentNumber: input.ip_status === 'none' ? null : (input.patent_number ?? null),
  }
}

/** The form filled in with a listing (editing), as old() reads it when nothing was flashed. */
function formValues(side: Side, listing: Listing | null) {
  if (!listing) return {}
  const values: Record<string, unknown> = {
    kind: listing.kind,
    title: listing.title,
    description: listing.description,
    industry: listing.industries[0],
    other_industries: listing.industries.slice(1),
    county_code: listing.countyCode,
  }
  if (side === 'demands') {
    const demand = listing as TechDemand
    Object.assign(values, {
      budget_min: demand.budgetMinFen === null ? '' : fenToYuan(demand.budgetMinFen),
      budget_max: demand.budgetMaxFen === null ? '' : fenToYuan(demand.budgetMaxFen),
      deadline: demand.deadline?.toISODate() ?? '',
    })
  } else {
    const offer = listing as TechOffer
    Object.assign(values, { maturity: offer.maturity, ip_status: offer.ipStatus, patent_number: offer.patentNumber ?? '' })
  }
  return values
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
    return view.render('achievements/listings/pages/form', {
      side,
      listing,
      values: formValues(side, listing),
      kinds: LISTING_KINDS,
      maturities: MATURITIES,
      ipStatuses: IP_STATUSES,
      ...(await formOptions()),
    })
  }
}
