import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { actingAs } from '#core/accounts/acting'
import { today } from '#core/clock'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import SubsidyPolicy from '#modules/admin/subsidies/policy'
import { messages } from '#modules/admin/subsidies/subsidy_http'
import { currentRules, ruleHistory, RULE_KINDS, saveRule } from '#modules/admin/subsidies/subsidy_rules'
import { listFilterValidator, ruleValidator } from '#modules/admin/subsidies/validators'

const RULES = 'admin/subsidies/partials/rules'

/** 补贴规则 of a year: the rule in force per kind of person, a new version (province administrators), every version kept. */
export default class RulesController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(SubsidyPolicy).authorize('view')
    const { year } = await listFilterValidator.validate(ctx.request.qs(), messages(ctx))
    return renderPageOrFragment(ctx, 'admin/subsidies/pages/rules', RULES, await this.#data(ctx, year ?? today().year))
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(SubsidyPolicy).authorize('manageRules')
    const form = { errorsTarget: '#rule-errors' }
    const input = await guardForm(ctx, form, () => ctx.request.validateUsing(ruleValidator, messages(ctx)))
    await guardForm(ctx, form, async () =>
      saveRule(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), {
        year: input.year,
        kind: input.kind,
        minValid: input.min_valid,
        minRatingTenths: input.min_rating ?? null,
        maxMissed: input.max_missed ?? null,
        baseFen: input.base_yuan,
        perValidFen: input.per_valid_yuan,
        maxFen: input.max_yuan,
        reason: input.reason,
      })
    )
    return formDone(ctx, {
      message: ctx.i18n.t('admin.subsidies.rules.saved'),
      redirectTo: router.makeUrl('admin.subsidies.rules', {}, { qs: { year: input.year } }),
      fragment: async (status) => ctx.view.render(RULES, { ...(await this.#data(ctx, input.year)), status }),
    })
  }

  async #data(ctx: HttpContext, year: number) {
    return {
      year,
      kinds: RULE_KINDS,
      rules: Object.fromEntries(await currentRules(year)),
      history: await ruleHistory(year),
      mayManage: await ctx.bouncer.with(SubsidyPolicy).allows('manageRules'),
    }
  }
}
