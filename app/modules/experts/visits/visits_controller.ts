import type { HttpContext } from '@adonisjs/core/http'
import { renderPageOrFragment } from '#core/http/render'
import Consultation from '#modules/experts/models/consultation'
import Visit from '#modules/experts/models/visit'
import { recordVisitOutcome, requestVisit } from '#modules/experts/visits/visit_actions'
import { requestVisitValidator, visitOutcomeValidator } from '#modules/experts/visits/validators'
import { formDone, guardForm, validateForm } from '#core/http/forms'
import { RuleError } from '#core/http/rule_error'
import { mayRecordOutcome, mayRequestVisit } from '#modules/experts/visits/participants'
import { notFound, participantFor } from '#modules/experts/shared/consultation_access'
import { visitPaths, type VisitViewerMode } from '#modules/experts/visits/paths'
import { wasChosen } from '#core/media/media_service'
import { visitPanelData } from '#modules/experts/visits/visit_views'

/**
 * On-site visits as the reporter and the case's experts see them: signed in under
 * /consultations/:id, or without an account from an expert's SMS link (/l/:id/:token).
 * Anyone else gets "not found".
 */
export default class VisitsController {
  async show(ctx: HttpContext) {
    const { consultation, participant, mode, token } = await caseOf(ctx)
    const panel = await visitPanelData(consultation, mode, { user: ctx.auth.user, token })
    const data = { consultation, participant, viewer: mode, token, linkPage: mode === 'expert_link', panel }
    return renderPageOrFragment(ctx, 'experts/visits/pages/visits', 'experts/visits/partials/visit_panel', data)
  }

  async store(ctx: HttpContext) {
    const { consultation, participant, mode, token } = await caseOf(ctx)
    const form = visitForm(`#visit-request-errors-${consultation.id}`)
    const { reason, back } = await validateForm(ctx, requestVisitValidator, form)
    await guardForm(ctx, form, async () => {
      if (consultation.state !== 'answering') throw new RuleError('experts.visits.errors.not_answering')
      if (!mayRequestVisit(participant, consultation)) throw new RuleError('experts.visits.errors.not_case_party')
      await requestVisit(consultation.id, { id: participant.userId!, role: participant.role as 'reporter' | 'expert' }, reason)
    })
    return done(ctx, consultation, mode, token, back, 'experts.visits.requested')
  }

  async outcome(ctx: HttpContext) {
    const { consultation, participant, mode, token } = await caseOf(ctx)
    const visit = await Visit.query().where('id', ctx.params.visitId).where('consultation_id', consultation.id).first()
    // Only the expert sent may record it; everyone else learns nothing about the visit.
    if (!visit || participant.role !== 'expert') throw notFound()
    const form = visitForm(`#visit-outcome-errors-${visit.id}`)
    const { outcome, travel_cost: travelCostFen, back } = await validateForm(ctx, visitOutcomeValidator, form)
    await guardForm(ctx, form, async () => {
      if (!mayRecordOutcome(participant, consultation, visit)) throw new RuleError('experts.visits.errors.not_dispatched')
      const photos = ctx.request.files('photos').filter(wasChosen)
      await recordVisitOutcome(visit, { id: participant.userId, role: 'expert' }, { outcome, travelCostFen, photos })
    })
    return done(ctx, consultation, mode, token, back, 'experts.visits.outcome_recorded')
  }
}

/** The case in the URL and the visitor's part in it, or a 404 for anyone without one. */
async function caseOf(ctx: HttpContext) {
  const token: string | null = ctx.params.token ?? null
  const mode: VisitViewerMode | null = token ? 'expert_link' : null
  const consultation = await Consultation.findOrFail(ctx.params.id)
  const participant = await participantFor(consultation, mode ?? 'reporter', { user: ctx.auth.user, token })
  if (!participant || participant.role === 'farmer') throw notFound()
  return { consultation, participant, mode: mode ?? (participant.role as VisitViewerMode), token }
}

const visitForm = (errorsTarget: string) => ({ errorsTarget, messages: 'experts.visits.validator' })

/** htmx: the refreshed panel in place; without JavaScript: back to the page the form was on. */
function done(ctx: HttpContext, consultation: Consultation, mode: VisitViewerMode, token: string | null, back: string | undefined, message: string) {
  return formDone(ctx, {
    message: ctx.i18n.t(message),
    redirectTo: back ?? visitPaths.visits(consultation, mode, token),
    fragment: async (status) => {
      const fresh = await Consultation.findOrFail(consultation.id)
      const panel = await visitPanelData(fresh, mode, { user: ctx.auth.user, token })
      return ctx.view.render('experts/visits/partials/visit_panel', { consultation: fresh, viewer: mode, token, back, status, panel })
    },
  })
}
