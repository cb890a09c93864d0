import type { HttpContext } from '@adonisjs/core/http'
import { wantsFragment } from '#core/http/render'
import { caseLinkHolder, FARMER_LINK_VIEWER } from '#modules/experts/shared/consultation_access'
import { casePageData } from '#modules/experts/consultations/case_page'
import { type MediaUrl } from '#modules/experts/conversation/conversation_view'
import { sendCaseMedia } from '#modules/experts/shared/link_media'
import { endCaseLinks } from '#modules/experts/shared/end_case_links'
import { postFromPage, renderConversation } from '#modules/experts/conversation/messages_controller'
import { closeFormData, visitPanelData } from '#modules/experts/visits/visit_views'

/**
 * The farmer an 信息员 reported for follows the case from the SMS link /f/:id/:token:
 * no account, no login, no navigation; the case read-only and the message box. A
 * changed or foreign token is refused (403), an old one told it expired (410).
 */
export default class FarmerLinkController {
  async show(ctx: HttpContext) {
    const link = await this.#verified(ctx)
    if (!link) return
    const data = await casePageData(link.consultation, FARMER_LINK_VIEWER, ctx.i18n, link.mediaUrl)
    const token = ctx.params.token
    return ctx.view.render('experts/consultations/pages/farmer', {
      ...data,
      base: link.base,
      messagesUrl: `${link.base}/messages`,
      visitPanel: await visitPanelData(link.consultation, 'farmer_link', { token }),
      closeForm: await closeFormData(link.consultation, 'farmer_link', { token }),
    })
  }

  async messages(ctx: HttpContext) {
    const link = await this.#verified(ctx)
    if (!link) return
    if (!wantsFragment(ctx)) return ctx.response.redirect(`${link.base}#conversation`)
    return renderConversation(ctx, link.consultation, FARMER_LINK_VIEWER, link.mediaUrl)
  }

  async storeMessage(ctx: HttpContext) {
    const link = await this.#verified(ctx)
    if (!link) return
    return postFromPage(ctx, link.consultation, FARMER_LINK_VIEWER, { back: link.base, mediaUrl: link.mediaUrl })
  }

  /** POST /f/:id/:token/end — the farmer ends the links sent so far (someone else got the SMS). */
  async endLink(ctx: HttpContext) {
    const link = await this.#verified(ctx)
    if (!link) return
    await endCaseLinks(link.consultation, 'farmer', { userId: null, role: 'farmer', ip: ctx.request.ip() })
    return ctx.response.status(410).send(await ctx.view.render('experts/consultations/pages/link_refused', { reason: 'ended' }))
  }

  /** The case's photos for a reader without an account: only files attached to this case. */
  async media(ctx: HttpContext) {
    const link = await this.#verified(ctx)
    if (!link) return
    return sendCaseMedia(ctx, link.consultation)
  }

  async #verified(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    const holder = await caseLinkHolder(id, ctx.params.token)
    if (!holder.ok && holder.reason === 'missing') {
      ctx.response.notFound(await ctx.view.render('errors/not_found'))
      return null
    }
    if (!holder.ok || holder.audience !== 'farmer') {
      const reason = holder.ok ? 'invalid' : holder.reason
      ctx.response.status(reason === 'invalid' ? 403 : 410).send(await ctx.view.render('experts/consultations/pages/link_refused', { reason }))
      return null
    }
    const consultation = holder.consultation
    const base = `/f/${id}/${ctx.params.token}`
    const mediaUrl: MediaUrl = (media, variant) => `${base}/media/${media.publicId}/${variant}`
    return { consultation, base, mediaUrl }
  }
}
