import type { HttpContext } from '@adonisjs/core/http'
import { resetPassword } from '#core/accounts/actions/reset_password'
import { SmsCodeRejected } from '#core/accounts/sms_codes'
import { passwordResetValidator } from '#core/accounts/validators'
import { fieldError } from '#core/http/field_error'

export default class PasswordResetController {
  async create({ view }: HttpContext) {
    return view.render('accounts/pages/password_reset')
  }

  async store({ request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(passwordResetValidator)
    try {
      await resetPassword({ ...input, ip: request.ip() })
    } catch (error) {
      if (error instanceof SmsCodeRejected) throw fieldError('code', i18n.t(`accounts.code_${error.verdict}`))
      throw error
    }
    session.flash('success', i18n.t('accounts.password_changed'))
    return response.redirect().toRoute('session.create')
  }
}
