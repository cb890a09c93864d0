import type { HttpContext } from '@adonisjs/core/http'
import { wantsFragment } from '#core/http/render'
import { caseLinkHolder } from '#modules/experts/shared/consultation_access'
import { sendCaseMedia } from '#modules/experts/shared/link_media'
import { endCaseLinks } from '#modules/experts/shared/end_case_links'
import TriageExpertCaseController, { type ExpertCase } from '#modules/experts/responses/expert_case_controller'

type Refusal = 'invalid' | 'expired' | 'reassigned' | 'ended'

/** 403 for a link that was never ours, 410 for one that was and no longer works. */
const REFUSAL_STATUS: Record<Refusal, number> = { invalid: 403, expired: 410, reassigned: 410, ended: 410 }

/**
 * The expert's SMS link page, GET /l/:id/:token: no login, no navigation, one case.
 * The signed token names the case and the expert; it opens the case only while that
 * expert still holds it. Its forms post back to the same path (with the CSRF token of
 * the page), so the link is the expert's credential for this one case and nothing else.
 */
export default class TriageLinkController extends TriageExpertCaseController {
  protected page = 'experts/responses/pages/link_case'

  protected async resolve(ctx: HttpContext): Promise<ExpertCase | null> {
    const found = await this.#find(ctx)
    if ('refusal' in found) {
      await this.#refuse(ctx, found.refusal)
      return null
    }
    return found
  }

  protected async gone(ctx: HttpContext) {
    return this.#refuse(ctx, 'reassigned')
  }

  /** The link itself, which now says the case went to another expert (under the flash). */
  protected declinedUrl(target: ExpertCase) {
    return target.actionBase
  }

  /** POST /l/:id/:token/end — the expert ends the links sent so far (a forwarded SMS stops working). */
  async endLink(ctx: HttpContext) {
    const target = await this.resolve(ctx)
    if (!target) return
    await endCaseLinks(target.consultation, 'expert', { userId: target.expert.userId, role: 'expert', ip: ctx.request.ip() })
    return this.#refuse(ctx, 'ended')
  }

  /** GET /l/:id/:token/media/:publicId/:variant — the case's own files, for the link's holder. */
  async media(ctx: HttpContext) {
    const found = await this.#find(ctx)
    return sendCaseMedia(ctx, 'refusal' in found ? null : found.consultation)
  }

  async #find({ params }: HttpContext): Promise<ExpertCase | { refusal: Refusal }> {
    const id = Number(params.id)
    const holder = await caseLinkHolder(id, params.token)
    if (!holder.ok) return { refusal: holder.reason === 'expired' || holder.reason === 'ended' ? holder.reason : 'invalid' }
    if (holder.audience !== 'expert') return { refusal: 'invalid' }
    const { consultation, expert } = holder
    await expert.load('user')
    // The link opens the case only while its expert still holds it.
    if (Number(consultation.expertId) !== Number(expert.id)) return { refusal: 'reassigned' }
    const base = `/l/${id}/${params.token}`
    return { consultation, expert, actionBase: base, mediaBase: base }
  }

  async #refuse(ctx: HttpContext, refusal: Refusal) {
    const { response, view } = ctx
    // htmx does not swap a 403/410: the page reloads and shows the refusal in full.
    if (wantsFragment(ctx)) response.header('HX-Refresh', 'true')
    response.status(REFUSAL_STATUS[refusal])
    return response.send(await view.render('experts/responses/pages/link_refused', { refusal }))
  }
}
