import type { HttpContext } from '@adonisjs/core/http'
import { renderPageOrFragment } from '#core/http/render'
import Consultation from '#modules/experts/models/consultation'
import type Expert from '#modules/experts/models/expert'
import { caseLinkPath } from '#modules/experts/shared/case_links'
import { currentDeadline, expertOf, industryName, myCases } from '#modules/experts/responses/expert_cases'
import TriageExpertCaseController, { type ExpertCase } from '#modules/experts/responses/expert_case_controller'
import { triagePageValidator } from '#modules/experts/triage/validators'

/**
 * "我的案件" (/expert/cases) for a signed-in expert: the cases they hold, the time
 * left on each, and each case with the same page partial and actions as the SMS link.
 * Another expert's case is "not found".
 */
export default class TriageMyCasesController extends TriageExpertCaseController {
  protected page = 'experts/responses/pages/my_case'

  async index(ctx: HttpContext) {
    const expert = await this.#expert(ctx)
    if (!expert) return
    const { page } = await ctx.request.validateUsing(triagePageValidator, { data: ctx.request.qs() })
    const cases = await myCases(expert, page ?? 1)
    const rows = await Promise.all(
      cases.all().map(async (consultation) => ({
        consultation,
        industry: await industryName(consultation.industryCode),
        deadline: currentDeadline(consultation),
      }))
    )
    return renderPageOrFragment(ctx, 'experts/responses/pages/my_cases', 'experts/responses/partials/my_cases_list', { cases, rows })
  }

  protected async resolve(ctx: HttpContext): Promise<ExpertCase | null> {
    const expert = await this.#expert(ctx)
    if (!expert) return null
    const consultation = await Consultation.find(ctx.params.id)
    if (!consultation || Number(consultation.expertId) !== Number(expert.id)) {
      ctx.response.status(404).send(await ctx.view.render('errors/not_found'))
      return null
    }
    return {
      consultation,
      expert,
      actionBase: `/expert/cases/${consultation.id}`,
      // The case's files go through the SMS link's own media route (it checks the signature,
      // that the holder still has the case and that the file is the case's), with a freshly
      // signed token: one way in for experts, session or not.
      mediaBase: caseLinkPath(consultation.id, 'expert', expert.id),
    }
  }

  /** Reassigned meanwhile: the case is not theirs any more, as if it never was. */
  protected async gone(ctx: HttpContext) {
    return ctx.response.status(404).send(await ctx.view.render('errors/not_found'))
  }

  protected declinedUrl() {
    return '/expert/cases'
  }

  /** The signed-in person's expert profile; anyone without one is told the page is for experts. */
  async #expert(ctx: HttpContext): Promise<Expert | null> {
    const expert = await expertOf(ctx.auth.getUserOrFail().id)
    if (!expert) {
      ctx.response.status(403).send(await ctx.view.render('experts/responses/pages/not_expert'))
      return null
    }
    return expert
  }
}
