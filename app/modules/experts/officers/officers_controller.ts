import type { HttpContext } from '@adonisjs/core/http'
import { areaMessages } from '#core/http/form_messages'
import { guardForm } from '#core/http/forms'
import { wantsFragment } from '#core/http/render'
import regionDirectory from '#core/regions/region_directory'
import { byTownship, findVillage, villagesOf } from '#core/regions/villages'
import { OFFICER_GROUPS } from '#modules/experts/officers/officer'
import { applyAsOfficer } from '#modules/experts/officers/officer_actions'
import { groupLabel, ownApplication } from '#modules/experts/officers/officer_queries'
import { OFFICER_MESSAGES, officerApplicationValidator } from '#modules/experts/officers/validators'
import { AlreadyAppliedError } from '#modules/experts/profiles/profile_actions'

const FORM = { errorsTarget: '#officer-form-errors' }

/** Applying as 信息员 for a village of one's own county, and the officer's own page. */
export default class OfficersController {
  async create({ view, auth, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const own = await ownApplication(user.id)
    if (own && own.status !== 'rejected') return response.redirect().toRoute('experts.officers.mine')
    return view.render('experts/officers/pages/apply', {
      user,
      groups: OFFICER_GROUPS,
      townships: byTownship(user.countyCode ? await villagesOf(user.countyCode) : []),
      county: await regionDirectory.fullName(user.countyCode),
      previous: own,
    })
  }

  async store(ctx: HttpContext) {
    const { request, auth, response, session, i18n } = ctx
    const user = auth.getUserOrFail()
    const input = await guardForm(ctx, FORM, () => request.validateUsing(officerApplicationValidator, { messagesProvider: areaMessages(i18n, OFFICER_MESSAGES) }))
    try {
      await guardForm(ctx, FORM, () =>
        applyAsOfficer(
          { actor: user, ip: request.ip() },
          {
            countyCode: user.countyCode ?? '',
            villageCode: input.village_code,
            group: input.group,
            groupOther: input.group === 'other' ? (input.group_other ?? null) : null,
            organization: input.organization,
            statement: input.statement,
          }
        )
      )
    } catch (error) {
      if (!(error instanceof AlreadyAppliedError)) throw error
    }
    const message = i18n.t('experts.officers.apply.applied')
    if (wantsFragment(ctx)) {
      response.header('HX-Redirect', '/officers/me')
      return message
    }
    session.flash('success', message)
    return response.redirect().toRoute('experts.officers.mine')
  }

  /** 我的信息员资料: the application's state, and once verified the village served. */
  async show({ view, auth, response, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    const officer = await ownApplication(user.id)
    if (!officer) return response.redirect().toRoute('experts.officers.apply')
    return view.render('experts/officers/pages/mine', {
      officer,
      village: await findVillage(officer.villageCode),
      county: await regionDirectory.fullName(officer.countyCode),
      group: groupLabel((key) => i18n.t(key), officer),
    })
  }
}
