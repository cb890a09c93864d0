import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import { actingAs } from '#core/accounts/acting'
import { formDone, guardForm } from '#core/http/forms'
import { renderPageOrFragment } from '#core/http/render'
import { RuleError } from '#core/http/rule_error'
import regionDirectory from '#core/regions/region_directory'
import SubsidyPolicy from '#modules/admin/subsidies/policy'
import { messages } from '#modules/admin/subsidies/subsidy_http'
import { idNumberTakenByOther, maskedPayee, payeeByIdNumber, revealPayee, savePayee } from '#modules/admin/subsidies/payees'
import { lookupValidator, payeeValidator, revealValidator } from '#modules/admin/subsidies/validators'

const PAYEE = 'admin/subsidies/partials/payee'

/** 收款信息: find a person by 身份证 number, enter their payment data (masked everywhere), reveal the numbers (administrators, with a reason, audited). */
export default class PayeesController {
  async lookup(ctx: HttpContext) {
    await ctx.bouncer.with(SubsidyPolicy).authorize('view')
    let found = null
    let searched = false
    if (ctx.request.input('id_number')) {
      const { id_number: idNumber } = await guardForm(ctx, { errorsTarget: '#lookup-errors' }, () => lookupValidator.validate(ctx.request.qs(), messages(ctx)))
      searched = true
      const payee = await payeeByIdNumber(idNumber)
      // Outside the viewer's region the number finds nobody.
      if (payee && (await ctx.bouncer.with(SubsidyPolicy).allows('viewCounty', payee.county_code))) found = { ...payee, name: (await this.#person(Number(payee.user_id)))?.name }
    }
    return renderPageOrFragment(ctx, 'admin/subsidies/pages/lookup', 'admin/subsidies/partials/lookup_result', { found, searched })
  }

  async show(ctx: HttpContext) {
    const person = await this.#authorizedPerson(ctx, 'editPayee')
    return renderPageOrFragment(ctx, 'admin/subsidies/pages/payee', PAYEE, await this.#data(ctx, person, null))
  }

  async store(ctx: HttpContext) {
    const person = await this.#authorizedPerson(ctx, 'editPayee')
    const form = { errorsTarget: '#payee-errors' }
    const input = await guardForm(ctx, form, () => ctx.request.validateUsing(payeeValidator, messages(ctx)))
    await guardForm(ctx, form, async () => {
      if (await idNumberTakenByOther(input.id_number, person.id)) throw new RuleError('admin.subsidies.errors.id_taken', 'id_number')
      await savePayee(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), {
        userId: person.id,
        countyCode: person.county_code,
        holderName: input.holder_name,
        bankName: input.bank_name,
        idNumber: input.id_number,
        cardNumber: input.card_number,
      })
    })
    return formDone(ctx, {
      message: ctx.i18n.t('admin.subsidies.payee.saved'),
      redirectTo: router.makeUrl('admin.subsidies.payees.show', { userId: person.id }),
      fragment: async (status) => ctx.view.render(PAYEE, { ...(await this.#data(ctx, person, null)), status }),
    })
  }

  /** Answers the numbers in the page itself (never through a flash or a redirect), not to be cached. */
  async reveal(ctx: HttpContext) {
    const person = await this.#authorizedPerson(ctx, 'reveal')
    const input = await guardForm(ctx, { errorsTarget: '#reveal-errors' }, () => ctx.request.validateUsing(revealValidator, messages(ctx)))
    const revealed = await revealPayee(await actingAs(ctx.auth.getUserOrFail(), ctx.request.ip()), person.id, input.reason)
    if (!revealed) return ctx.response.abort('Not found', 404)
    ctx.response.header('Cache-Control', 'no-store')
    return renderPageOrFragment(ctx, 'admin/subsidies/pages/payee', PAYEE, await this.#data(ctx, person, revealed))
  }

  #person(id: number) {
    return db.from('users').where('id', id).select('id', 'name', 'county_code').first()
  }

  async #authorizedPerson(ctx: HttpContext, ability: 'editPayee' | 'reveal') {
    const person = await this.#person(Number(ctx.params.userId))
    if (!person?.county_code) return ctx.response.abort('Not found', 404)
    await ctx.bouncer.with(SubsidyPolicy).authorize(ability, person.county_code)
    return { ...person, id: Number(person.id) }
  }

  async #data(ctx: HttpContext, person: { id: number; name: string; county_code: string }, revealed: { idNumber: string | null; cardNumber: string | null } | null) {
    return {
      person,
      countyName: await regionDirectory.fullName(person.county_code),
      payee: await maskedPayee(person.id),
      revealed,
      mayReveal: await ctx.bouncer.with(SubsidyPolicy).allows('reveal', person.county_code),
    }
  }
}
