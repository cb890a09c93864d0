import type { HttpContext } from '@adonisjs/core/http'
import { attemptLogin, BadCredentialsError, CodeRequiredError } from '#core/accounts/actions/attempt_login'
import { SmsCodeRejected, ThrottledError } from '#core/accounts/sms_codes'
import { loginValidator } from '#core/accounts/validators'
import { fieldError } from '#core/http/field_error'
import { endSession } from '#core/accounts/sessions'
import { loginWithCode } from '#core/accounts/actions/login_with_code'
import { takeIntendedUrl } from '#core/accounts/intended_url'
import { wechatEnabled } from '#core/accounts/wechat_config'
import { AccountDeactivated, signIn } from '#core/accounts/deactivation'

export default class SessionController {
  /** 短信验证码 by default; ?with=password for the password form; 微信登录 when it is configured. */
  async create({ view, request }: HttpContext) {
    return view.render('accounts/pages/login', { withPassword: request.qs().with === 'password', wechatLogin: wechatEnabled() })
  }

  async store(ctx: HttpContext) {
    const { request, response, i18n } = ctx
    const { phone, password, code } = await request.validateUsing(loginValidator)
    try {
      const user = password ? await attemptLogin(phone, password, request.ip(), code) : await loginWithCode(phone, code!)
      await signIn(ctx, user)
    } catch (error) {
      if (error instanceof AccountDeactivated) throw fieldError('phone', i18n.t('accounts.deactivated'))
      if (error instanceof ThrottledError) {
        throw fieldError('phone', i18n.t('accounts.login_locked', { minutes: Math.ceil(error.retryInSeconds / 60) }))
      }
      if (error instanceof BadCredentialsError) throw fieldError('password', i18n.t('accounts.bad_credentials'))
      if (error instanceof CodeRequiredError) throw fieldError('code', i18n.t('accounts.login_code_required'))
      if (error instanceof SmsCodeRejected) throw fieldError('code', i18n.t(`accounts.code_${error.verdict}`))
      throw error
    }
    return response.redirect().toPath(takeIntendedUrl(ctx))
  }

  async destroy(ctx: HttpContext) {
    const { response, session, i18n } = ctx
    // The session's row goes, not only the user in it: a copied cookie opens nothing afterwards.
    await endSession(ctx)
    session.flash('success', i18n.t('accounts.logged_out'))
    return response.redirect().toRoute('session.create')
  }
}
