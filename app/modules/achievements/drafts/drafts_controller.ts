import type { HttpContext } from '@adonisjs/core/http'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import { industryNames } from '#core/industries/industry_directory'
import { RegionScope } from '#core/regions/region_scope'
import regionDirectory from '#core/regions/region_directory'
import DemandDraft from '#modules/achievements/models/demand_draft'
import { dismissDraft, proposedDraftIn, publishDraft } from '#modules/achievements/drafts/draft_actions'
import { listingFormData, listingInput } from '#modules/achievements/listings/listing_form'
import DraftPolicy from '#modules/achievements/drafts/policy'

const PER_PAGE = 20

/**
 * 需求草稿: the drafts proposed to a centre from clusters of similar consultations in its
 * counties — listed, edited and published as the centre's own 技术需求, or dismissed.
 * Centre staff only (403 for anyone else); another county's draft is 404.
 */
export default class DraftsController {
  async index(ctx: HttpContext) {
    const scopes = await this.#scopes(ctx)
    const page = Math.min(Math.max(Number.parseInt(String(ctx.request.qs().page ?? '1'), 10) || 1, 1), 1000)
    const query = DemandDraft.query().where('status', 'proposed').orderBy('id', 'desc')
    const rows = await RegionScope.constrain(query, scopes).limit(PER_PAGE + 1).offset((page - 1) * PER_PAGE)
    const drafts = rows.slice(0, PER_PAGE)
    const link = (n: number) => `/admin/achievements/drafts?page=${n}`
    return renderPageOrFragment(ctx, 'achievements/drafts/pages/index', 'achievements/drafts/partials/list', {
      drafts,
      page,
      previous: page > 1 ? link(page - 1) : null,
      next: rows.length > PER_PAGE ? link(page + 1) : null,
      regionNames: await regionDirectory.fullNames(drafts.map((draft) => draft.countyCode)),
      industryNames: Object.fromEntries(await industryNames()),
    })
  }

  /** The draft in the listing form, filled in, for the centre to edit and publish. */
  async edit(ctx: HttpContext) {
    const draft = await this.#managed(ctx, await this.#scopes(ctx))
    if (!draft) return ctx.response.notFound()
    const values = { kind: 'technology', title: draft.title, description: draft.description, industry: draft.industry, county_code: draft.countyCode }
    return ctx.view.render('achievements/listings/pages/form', {
      listing: null,
      formHeading: ctx.i18n.t('achievements.drafts.edit_title'),
      formIntro: ctx.i18n.t('achievements.drafts.edit_intro', { count: draft.caseIds.length, unsolved: draft.unsolved }),
      formAction: `/admin/achievements/drafts/${draft.id}/publish`,
      ...(await listingFormData('demands', values)),
    })
  }

  async publish(ctx: HttpContext) {
    const { request, auth, i18n, session, response } = ctx
    const scopes = await this.#scopes(ctx)
    const draft = await this.#managed(ctx, scopes)
    if (!draft) return response.notFound()
    const demand = await guardForm(ctx, { errorsTarget: '#listing-form-errors' }, async () =>
      publishDraft({ actor: auth.getUserOrFail(), ip: request.ip() }, scopes, draft, await listingInput(ctx, 'demands'))
    )
    session.flash('success', i18n.t(demand.status === 'held' ? 'achievements.listings.held' : 'achievements.listings.published'))
    return response.redirect(`/achievements/demands/${demand.id}`)
  }

  /** 不采用: htmx swaps the draft's entry for the status line; without JavaScript back to the list. */
  async dismiss(ctx: HttpContext) {
    const { request, auth, i18n, view } = ctx
    const draft = await this.#managed(ctx, await this.#scopes(ctx))
    if (!draft) return ctx.response.notFound()
    await guardForm(ctx, { errorsTarget: `#draft-${draft.id}-errors` }, () => dismissDraft({ actor: auth.getUserOrFail(), ip: request.ip() }, draft))
    return formDone(ctx, {
      message: i18n.t('achievements.drafts.dismissed'),
      redirectTo: '/admin/achievements/drafts',
      fragment: async (status) => view.render('achievements/drafts/partials/entry', { draft, status }),
    })
  }

  /** The proposed draft of the URL within the scopes (null: 404), which the person may change (403 while its county is suspended). */
  async #managed(ctx: HttpContext, scopes: RegionScope[]) {
    const draft = await proposedDraftIn(scopes, ctx.params.id)
    if (draft) await ctx.bouncer.with(DraftPolicy).authorize('manage', draft)
    return draft
  }

  /** The person's centre scopes; anyone else is refused (403) before anything is read. */
  async #scopes(ctx: HttpContext) {
    await ctx.bouncer.with(DraftPolicy).authorize('decide')
    return ctx.auth.getUserOrFail().scopesFor(...SCOPED_ROLES)
  }
}
