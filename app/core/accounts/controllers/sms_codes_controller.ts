import type { HttpContext } from '@adonisjs/core/http'
import User from '#core/accounts/models/user'
import { issueSmsCode, ThrottledError } from '#core/accounts/sms_codes'
import { SmsRefusedError } from '#core/sms/sms_service'
import { smsCodeRequestValidator } from '#core/accounts/validators'
import { fieldError } from '#core/http/field_error'
import { wantsFragment } from '#core/http/render'

/**
 * "获取验证码". With htmx the button swaps in a status line; without JavaScript it is
 * a second submit button of the same form, and the page comes back with the other
 * input kept.
 */
export default class SmsCodesController {
  async store(ctx: HttpContext) {
    const { request, response, session, i18n, view } = ctx
    const { phone, purpose } = await request.validateUsing(smsCodeRequestValidator)

    const registered = await User.findBy('phone', phone)
    if (purpose === 'signup' && registered) throw fieldError('phone', i18n.t('accounts.phone_taken'))
    try {
      // For a reset, an unknown phone gets the same answer and no SMS: no account probing.
      if (purpose === 'signup' || registered) await issueSmsCode(phone, purpose, request.ip())
    } catch (error) {
      if (error instanceof ThrottledError) {
        throw fieldError('phone', i18n.t('accounts.sms_throttled', { seconds: error.retryInSeconds }))
      }
      // The platform-wide daily cap per phone (all kinds of SMS together).
      if (error instanceof SmsRefusedError) throw fieldError('phone', i18n.t('accounts.sms_daily_cap'))
      throw error
    }

    const message = i18n.t('accounts.code_sent', { minutes: 5 })
    if (wantsFragment(ctx)) return view.render('accounts/partials/sms_code_status', { message })
    session.flashExcept(['_csrf', 'password', 'code'])
    session.flash('success', message)
    return response.redirect().back()
  }
}
