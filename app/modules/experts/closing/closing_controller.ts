import type { HttpContext } from '@adonisjs/core/http'
import { renderPageOrFragment } from '#core/http/render'
import Consultation from '#modules/experts/models/consultation'
import { closeConsultation, NOT_CLOSABLE } from '#modules/experts/closing/close_consultation'
import { closeConsultationValidator } from '#modules/experts/visits/validators'
import { formDone, guardForm, validateForm } from '#core/http/forms'
import { RuleError } from '#core/http/rule_error'
import { mayClose } from '#modules/experts/visits/participants'
import { notFound, participantFor } from '#modules/experts/shared/consultation_access'
import { visitPaths, type VisitViewerMode } from '#modules/experts/visits/paths'
import { closeFormData } from '#modules/experts/visits/visit_views'

/**
 * "结案评价": the reporter, signed in, or the farmer an 信息员 reported for, from the
 * SMS link (/f/:id/:token), closes an answered case with 1–5 stars and a comment.
 */
export default class ClosingController {
  async show(ctx: HttpContext) {
    const { consultation, mode, token } = await caseOf(ctx)
    const form = await closeFormData(consultation, mode, { user: ctx.auth.user, token })
    const data = { consultation, viewer: mode, token, linkPage: mode === 'farmer_link', form }
    return renderPageOrFragment(ctx, 'experts/closing/pages/close', 'experts/closing/partials/close_form', data)
  }

  async store(ctx: HttpContext) {
    const { consultation, participant, mode, token } = await caseOf(ctx)
    const options = { errorsTarget: `#close-errors-${consultation.id}`, messages: 'experts.visits.validator' }
    const { rating, comment, back } = await validateForm(ctx, closeConsultationValidator, options)
    await guardForm(ctx, options, async () => {
      if (!mayClose(participant, consultation)) throw new RuleError(NOT_CLOSABLE)
      await closeConsultation(consultation.id, { id: participant.userId, role: participant.role as 'reporter' | 'farmer' }, { rating, comment })
    })
    return formDone(ctx, {
      message: ctx.i18n.t('experts.visits.close.done'),
      redirectTo: back ?? visitPaths.close(consultation, mode, token),
      fragment: async (status) => {
        const fresh = await Consultation.findOrFail(consultation.id)
        const form = await closeFormData(fresh, mode, { user: ctx.auth.user, token })
        return ctx.view.render('experts/closing/partials/close_form', { consultation: fresh, viewer: mode, token, back, status, form })
      },
    })
  }
}

/** Only the reporter (signed in) or the holder of the case's farmer link; everyone else: 404. */
async function caseOf(ctx: HttpContext) {
  const token: string | null = ctx.params.token ?? null
  const consultation = await Consultation.findOrFail(ctx.params.id)
  const participant = await participantFor(consultation, token ? 'farmer_link' : 'reporter', { user: ctx.auth.user, token })
  if (!participant || (token ? participant.role !== 'farmer' : participant.role !== 'reporter')) throw notFound()
  const mode: VisitViewerMode = token ? 'farmer_link' : 'reporter'
  return { consultation, participant, mode, token }
}
