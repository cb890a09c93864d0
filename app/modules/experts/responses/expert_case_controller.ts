import type { HttpContext } from '@adonisjs/core/http'
import { visitPanelData } from '#modules/experts/visits/visit_views'
import type { VineValidator } from '@vinejs/vine'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { fieldError } from '#core/http/field_error'
import { wantsFragment } from '#core/http/render'
import { MediaRejectedError } from '#core/media/errors'
import { storePhoto, wasChosen } from '#core/media/media_service'
import type Consultation from '#modules/experts/models/consultation'
import type Expert from '#modules/experts/models/expert'
import {
  CaseActionError,
  NotCurrentExpertError,
  acceptCase,
  answerCase,
  askReporter,
  declineCase,
} from '#modules/experts/responses/expert_response'
import { MEDIA_SUBJECT } from '#modules/experts/consultations/submit_consultation'
import { expertCaseView, expertMediaUrl, expertViewer } from '#modules/experts/responses/expert_cases'
import { postFromPage, renderConversation } from '#modules/experts/conversation/messages_controller'
import {
  MAX_ANSWER_PHOTOS,
  answerValidator,
  declineValidator,
  questionValidator,
} from '#modules/experts/triage/validators'

/** The case and the expert acting on it, however they got here (a signed link or a session). */
export interface ExpertCase {
  consultation: Consultation
  expert: Expert
  /** Where the case's forms post, and where a form without JavaScript returns to. */
  actionBase: string
  /** Prefix of the case's media URLs (always a signed link: /l/:id/:token). */
  mediaBase: string
}

/**
 * The expert's side of a case, shared by the SMS link page (/l/:id/:token) and
 * "我的案件" (/expert/cases/:id): one page partial and the same four actions. The
 * subclasses only decide who the expert is and how a refusal looks.
 */
export default abstract class TriageExpertCaseController {
  /** The case for this request, or null after the response (a refusal) was sent. */
  protected abstract resolve(ctx: HttpContext): Promise<ExpertCase | null>
  /** The full page around the case partial. */
  protected abstract page: string
  /** The expert is no longer the case's expert (reassigned meanwhile): how a late click is answered. */
  protected abstract gone(ctx: HttpContext): Promise<unknown>
  /** Where the expert goes after declining (the case is someone else's now). */
  protected abstract declinedUrl(target: ExpertCase): string

  async show(ctx: HttpContext) {
    const target = await this.resolve(ctx)
    if (!target) return
    return this.#render(ctx, target, this.page)
  }

  /** The conversation fragment (htmx polling); without JavaScript, the page itself. */
  async messages(ctx: HttpContext) {
    const target = await this.resolve(ctx)
    if (!target) return
    if (!wantsFragment(ctx)) return ctx.response.redirect(`${target.actionBase}#conversation`)
    return renderConversation(ctx, target.consultation, expertViewer(target.expert), expertMediaUrl(target.mediaBase))
  }

  /** A plain message once the case is answered (the conversation of issue 5 point 7). */
  async storeMessage(ctx: HttpContext) {
    const target = await this.resolve(ctx)
    if (!target) return
    return postFromPage(ctx, target.consultation, expertViewer(target.expert), {
      back: target.actionBase,
      mediaUrl: expertMediaUrl(target.mediaBase),
    })
  }

  async accept(ctx: HttpContext) {
    return this.#act(ctx, null, async (target) => {
      await acceptCase(target.consultation.id, target.expert)
      return 'experts.triage.actions.accepted'
    })
  }

  async decline(ctx: HttpContext) {
    return this.#act<{ reason: string }>(ctx, declineValidator, async (target, { reason }) => {
      await declineCase(target.consultation.id, target.expert, reason)
      return 'experts.triage.actions.declined'
    })
  }

  async answer(ctx: HttpContext) {
    const files = ctx.request.files('photos', { size: '15mb' }).filter(wasChosen)
    return this.#act<{ answer: string }>(ctx, answerValidator, async (target, { answer }) => {
      if (files.length > MAX_ANSWER_PHOTOS) throw fieldError('photos', ctx.i18n.t('experts.triage.errors.too_many_photos'))
      await answerCase(target.consultation.id, target.expert, async (trx, consultation) => ({
        body: answer,
        mediaIds: await this.#storePhotos(ctx, trx, consultation, target.expert, files),
      }))
      return 'experts.triage.actions.answered'
    })
  }

  async ask(ctx: HttpContext) {
    return this.#act<{ question: string }>(ctx, questionValidator, async (target, { question }) => {
      await askReporter(target.consultation.id, target.expert, question)
      return 'experts.triage.actions.asked'
    })
  }

  /**
   * Validates (errors next to the field: flash + redirect back, or an htmx fragment
   * swapped into the form's own error slot), runs the action, then answers with the
   * refreshed case: the partial for htmx, a redirect with a flash without JavaScript.
   */
  async #act<Data = object>(
    ctx: HttpContext,
    validator: VineValidator<any, any> | null,
    action: (target: ExpertCase, data: Data) => Promise<string>
  ) {
    const target = await this.resolve(ctx)
    if (!target) return
    const { request, response, session, i18n } = ctx
    let done: string
    try {
      const data = validator ? await request.validateUsing(validator, { messagesProvider: i18n.createMessagesProvider('experts.triage.validation') }) : {}
      done = await action(target, data as Data)
    } catch (error) {
      if (error instanceof NotCurrentExpertError) return this.gone(ctx)
      const messageKey = refusalKey(error)
      if (messageKey) {
        if (wantsFragment(ctx)) return this.#render(ctx, await this.#reload(target), null, { ok: false, text: i18n.t(messageKey) })
        session.flash('error', i18n.t(messageKey))
        return response.redirect(target.actionBase)
      }
      if (wantsFragment(ctx) && (error as any)?.code === 'E_VALIDATION_ERROR') {
        const field = (error as any).messages?.[0]?.field ?? 'form'
        response.header('HX-Retarget', `#f-${field}-status`).header('HX-Reswap', 'innerHTML')
      }
      throw error
    }
    if (done === 'experts.triage.actions.declined') {
      session.flash('success', i18n.t(done))
      const url = this.declinedUrl(target)
      if (wantsFragment(ctx)) return response.header('HX-Redirect', url).status(204).send('')
      return response.redirect(url)
    }
    if (wantsFragment(ctx)) return this.#render(ctx, await this.#reload(target), null, { ok: true, text: i18n.t(done) })
    session.flash('success', i18n.t(done))
    return response.redirect(target.actionBase)
  }

  async #reload(target: ExpertCase): Promise<ExpertCase> {
    await target.consultation.refresh()
    return target
  }

  async #render(ctx: HttpContext, target: ExpertCase, page: string | null, status?: { ok: boolean; text: string }) {
    const view = await expertCaseView(target.consultation, target.expert, target.actionBase, target.mediaBase)
    ctx.response.header('Vary', 'HX-Request')
    if (!page) return ctx.view.render('experts/responses/partials/expert_case', { ...view, status })
    const token = ctx.params.token ?? null
    const visitPanel = await visitPanelData(target.consultation, token ? 'expert_link' : 'expert', { user: ctx.auth.user, token })
    return ctx.view.render(page, { ...view, status, visitPanel, expert: target.expert })
  }

  async #storePhotos(
    ctx: HttpContext,
    trx: TransactionClientContract,
    consultation: Consultation,
    expert: Expert,
    files: ReturnType<HttpContext['request']['files']>
  ) {
    const ids: number[] = []
    for (const file of files) {
      try {
        const media = await storePhoto(file, {
          owner: { id: expert.userId },
          visibility: 'private',
          countyCode: consultation.countyCode,
          // The case's subject type: the reporter's case page shows them through the media service.
          subject: { type: MEDIA_SUBJECT, id: consultation.id },
          client: trx,
        })
        ids.push(media.id)
      } catch (error) {
        if (error instanceof MediaRejectedError) throw fieldError('photos', ctx.i18n.t(error.messageKey))
        throw error
      }
    }
    return ids
  }
}

/**
 * A rule of the case refused the action (wrong state; text blocked by content safety,
 * refused by postMessage): the i18n key of what to tell the expert.
 */
function refusalKey(error: unknown): string | null {
  if (error instanceof CaseActionError) return error.messageKey
  const key = (error as { messageKey?: unknown })?.messageKey
  return error instanceof Error && typeof key === 'string' ? key : null
}
