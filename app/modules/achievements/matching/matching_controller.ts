import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { formDone, guardForm } from '#core/http/forms'
import { areaMessages } from '#core/http/form_messages'
import { setSmsOptOut, smsOptedOut } from '#modules/achievements/matching/push'

export const smsSettingValidator = vine.create({
  sms: vine.enum(['on', 'off']),
})

/** 短信提醒: the person turns the daily match digest off or on again (in-site notices always come). */
export default class MatchingController {
  async saveSms(ctx: HttpContext) {
    const { request, auth, i18n, view } = ctx
    const user = auth.getUserOrFail()
    const { sms } = await guardForm(ctx, { errorsTarget: '#sms-setting-errors' }, () =>
      request.validateUsing(smsSettingValidator, { messagesProvider: areaMessages(i18n, 'achievements.matching.validator') })
    )
    await setSmsOptOut(user.id, sms === 'off')
    return formDone(ctx, {
      message: i18n.t(sms === 'off' ? 'achievements.matching.sms.turned_off' : 'achievements.matching.sms.turned_on'),
      redirectTo: '/achievements/mine',
      fragment: async (status) => view.render('achievements/matching/partials/sms_setting', { optedOut: await smsOptedOut(user.id), status }),
    })
  }
}
