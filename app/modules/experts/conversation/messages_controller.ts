import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { errors as vineErrors } from '@vinejs/vine'
import { wantsFragment } from '#core/http/render'
import { fieldError } from '#core/http/field_error'
import Consultation from '#modules/experts/models/consultation'
import { authorizeViewer } from '#modules/experts/consultations/policy'
import type { CaseViewer } from '#modules/experts/shared/consultation_access'
import { loadConversation, sessionMediaUrl, type MediaUrl } from '#modules/experts/conversation/conversation_view'
import { lockConsultation } from '#modules/experts/shared/transition'
import { MessageRefusedError, postMessage } from '#modules/experts/conversation/post_message'
import { messageValidator } from '#modules/experts/consultations/validators'

const MESSAGES_PARTIAL = 'experts/conversation/partials/messages'
/** Where htmx puts a refused message's reason: beside the message box, not over the conversation. */
const FORM_STATUS = '#message-form-status'

/** The conversation fragment (htmx polling and the answer to an htmx post). */
export async function renderConversation(ctx: HttpContext, consultation: Consultation, viewer: CaseViewer, mediaUrl: MediaUrl) {
  ctx.response.header('Vary', 'HX-Request')
  ctx.response.header('Cache-Control', 'no-store')
  return ctx.view.render(MESSAGES_PARTIAL, { messages: await loadConversation(consultation, viewer), mediaUrl })
}

/**
 * Posts the viewer's message on a case page (the reporter's, the farmer's link page, the
 * expert's link page). Without JS: back to the page; with htmx: the refreshed
 * conversation, or the reason beside the form (422).
 */
export async function postFromPage(
  ctx: HttpContext,
  consultation: Consultation,
  viewer: CaseViewer,
  options: { back: string; mediaUrl: MediaUrl }
) {
  const { request, response, session, i18n } = ctx
  const refuse = (error: Error) => {
    if (wantsFragment(ctx)) response.header('HX-Retarget', FORM_STATUS).header('HX-Reswap', 'innerHTML')
    throw error
  }
  if (viewer.side === 'staff') return response.forbidden(await ctx.view.render('errors/forbidden'))
  let body: string
  try {
    ;({ body } = await request.validateUsing(messageValidator, { messagesProvider: i18n.createMessagesProvider('experts.consultations.validation') }))
  } catch (error) {
    if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
    return refuse(error)
  }
  try {
    await db.transaction(async (trx) => {
      const locked = (await lockConsultation(trx, consultation.id))!
      await postMessage(trx, locked, { authorId: viewer.userId, authorRole: viewer.side, body })
    })
  } catch (error) {
    if (!(error instanceof MessageRefusedError)) throw error
    return refuse(fieldError('body', i18n.t(error.messageKey)))
  }
  if (wantsFragment(ctx)) return renderConversation(ctx, consultation, viewer, options.mediaUrl)
  session.flash('success', i18n.t('experts.consultations.conversation.sent'))
  return response.redirect(`${options.back}#conversation`)
}

/** The conversation of the reporter's case page (GET for polling, POST to write). */
export default class ConsultationMessagesController {
  async index(ctx: HttpContext) {
    const { consultation, viewer } = await this.#authorized(ctx)
    if (!wantsFragment(ctx)) return ctx.response.redirect(`/consultations/${consultation.id}#conversation`)
    return renderConversation(ctx, consultation, viewer, sessionMediaUrl)
  }

  async store(ctx: HttpContext) {
    const { consultation, viewer } = await this.#authorized(ctx)
    return postFromPage(ctx, consultation, viewer, { back: `/consultations/${consultation.id}`, mediaUrl: sessionMediaUrl })
  }

  async #authorized({ params, auth }: HttpContext) {
    const consultation = await Consultation.findOrFail(params.id)
    return { consultation, viewer: await authorizeViewer(auth.getUserOrFail(), consultation) }
  }
}
