import type { HttpContext } from '@adonisjs/core/http'
import { registerUser } from '#core/accounts/actions/register_user'
import { SmsCodeRejected } from '#core/accounts/sms_codes'
import { signupValidator } from '#core/accounts/validators'
import { fieldError } from '#core/http/field_error'

export default class SignupController {
  async create({ view }: HttpContext) {
    return view.render('accounts/pages/signup')
  }

  async store({ request, response, auth, session, i18n }: HttpContext) {
    const input = await request.validateUsing(signupValidator)
    try {
      const user = await registerUser(input)
      await auth.use('web').login(user)
    } catch (error) {
      if (error instanceof SmsCodeRejected) throw fieldError('code', i18n.t(`accounts.code_${error.verdict}`))
      throw error
    }
    session.flash('success', i18n.t('accounts.welcome'))
    return response.redirect().toRoute('profile.edit')
  }
}
