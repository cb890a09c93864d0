import type { HttpContext } from '@adonisjs/core/http'
import { wantsFragment } from '#core/http/render'
import { caseLinkHolder } from '#modules/experts/shared/consultation_access'
import { sendCaseMedia } from '#modules/experts/shared/link_media'
import TriageExpertCaseController, { type ExpertCase } from '#modules/experts/responses/expert_case_controller'

type Refusal = 'invalid' | 'expired' | 'reassigned'

/** 403 for a link that was never ours, 410 for one that was and no longer works. */
const REFUSAL_STATUS: Record<Refusal, number> = { invalid: 403, expired: 410, reassigned: 410 }

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

  /** GET /l/:id/:token/media/:publicId/:variant — the case's own files, for the link's holder. */
  async media(ctx: HttpContext) {
    const found = await this.#find(ctx)
    return sendCaseMedia(ctx, 'refusal' in found ? null : found.consultation)
  }

  async #find({ params }: HttpContext): Promise<ExpertCase | { refusal: Refusal }> {
    const id = Number(params.id)
    const holder = await caseLinkHolder(id, params.token)
    if (!holder.ok) return { refusal: holder.reason === 'expired' ? 'expired' : 'invalid' }
    if (holder.audience !== 'expert') return { refusal: 'invalid' }
    const { consultation, expert } = holder
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
