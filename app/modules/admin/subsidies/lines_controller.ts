import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { actingAs } from '#core/accounts/acting'
import { formDone, guardForm } from '#core/http/forms'
import SubsidyPolicy from '#modules/admin/subsidies/policy'
import { messages } from '#modules/admin/subsidies/subsidy_http'
import { adjustLine } from '#modules/admin/subsidies/subsidy_lists'
import { findLine } from '#modules/admin/subsidies/subsidy_queries'
import { adjustValidator } from '#modules/admin/subsidies/validators'

/** The county centre changes a line's amount, with a reason (at most the rule's maximum; drafts only). */
export default class LinesController {
  async update(ctx: HttpContext) {
    const line = await findLine(Number(ctx.params.id))
    if (!line) return ctx.response.abort('Not found', 404)
    await ctx.bouncer.with(SubsidyPolicy).authorize('prepare', line.county_code)
    const form = { errorsTarget: `#line-errors-${line.id}` }
    const input = await guardForm(ctx, form, () => ctx.request.validateUsing(adjustValidator, messages(ctx)))
    await guardForm(ctx, form, async () => adjustLine(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), { lineId: line.id, amountFen: input.amount, reason: input.reason }))
    const updated = await findLine(line.id)
    return formDone(ctx, {
      message: ctx.i18n.t('admin.subsidies.adjusted'),
      redirectTo: router.makeUrl('admin.subsidies.show', { id: line.list_id }),
      fragment: async (status) => ctx.view.render('admin/subsidies/partials/line_status', { line: updated, status }),
    })
  }
}
