import type { HttpContext } from '@adonisjs/core/http'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import { isRegionCode } from '#core/regions/region_scope'
import { suggestIndustry } from '#core/text/industry_suggester'
import Consultation from '#modules/experts/models/consultation'
import ConsultationPolicy from '#modules/experts/consultations/policy'
import { suggestionsFor } from '#modules/experts/similar/suggestions'
import { SIMILAR_DRAFT_FIELDS, SIMILAR_DRAFT_KEY, TEXT_MAX } from '#modules/experts/consultations/validators'
import { industryNames } from '#core/industries/industry_directory'
import { askExpert, resolveBySimilar } from '#modules/experts/similar/similar_decision'
import { resolveValidator, similarQueryValidator } from '#modules/experts/similar/validators'

/** 找类似 while reporting, and the reporter's choice between a similar case and an expert. */
export default class SimilarController {
  /**
   * 找类似 while typing (htmx) — with the industry suggestion swapped in out of band —
   * or as a page of its own without JavaScript.
   */
  async similar(ctx: HttpContext) {
    const { request, auth } = ctx
    await ctx.bouncer.with(ConsultationPolicy).authorize('report')
    const query = await request.validateUsing(similarQueryValidator, { data: request.method() === 'GET' ? request.qs() : request.body() })
    const text = (query.text ?? '').slice(0, TEXT_MAX)
    const county = isRegionCode(query.county_code) ? query.county_code : auth.user!.countyCode
    const suggestion = suggestIndustry(text)
    const cases = text ? await suggestionsFor(text, { industry: query.industry || suggestion.industry, county }) : []
    const names = await industryNames()
    // 先看看类似案例 without JavaScript: the form's fields wait in the session for 返回继续填写.
    if (request.method() === 'POST' && !wantsFragment(ctx)) ctx.session.put(SIMILAR_DRAFT_KEY, request.only([...SIMILAR_DRAFT_FIELDS]))
    return renderPageOrFragment(ctx, 'experts/similar/pages/similar', 'experts/similar/partials/similar_typing', {
      cases,
      text,
      industryNames: Object.fromEntries(names),
      suggestedIndustry: suggestion.industry,
      suggestedName: suggestion.industry ? names.get(suggestion.industry) : null,
      oob: wantsFragment(ctx),
    })
  }

  /** "这个解决了我的问题" */
  async resolve(ctx: HttpContext) {
    const { params, request, response, auth, bouncer, session, i18n } = ctx
    const consultation = await Consultation.findOrFail(params.id)
    await bouncer.with(ConsultationPolicy).authorize('decide', consultation)
    const { similar_document_id: documentId } = await request.validateUsing(resolveValidator)
    const done = await resolveBySimilar(Number(consultation.id), auth.getUserOrFail(), documentId)
    session.flash(done ? 'success' : 'error', i18n.t(done ? 'experts.consultations.similar.resolved' : 'experts.consultations.similar.too_late'))
    return response.redirect().toRoute('experts.consultations.show', { id: consultation.id })
  }

  /** "没有解决，请专家解答" */
  async askExpert(ctx: HttpContext) {
    const { params, response, auth, bouncer, session, i18n } = ctx
    const consultation = await Consultation.findOrFail(params.id)
    await bouncer.with(ConsultationPolicy).authorize('decide', consultation)
    const done = await askExpert(Number(consultation.id), auth.getUserOrFail())
    session.flash(done ? 'success' : 'error', i18n.t(done ? 'experts.consultations.similar.asked_expert' : 'experts.consultations.similar.too_late'))
    return response.redirect().toRoute('experts.consultations.show', { id: consultation.id })
  }
}
