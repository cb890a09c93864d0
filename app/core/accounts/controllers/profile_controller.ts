import type { HttpContext } from '@adonisjs/core/http'
import { profileValidator } from '#core/accounts/validators'
import { updateProfile } from '#core/accounts/actions/update_profile'
import regionDirectory from '#core/regions/region_directory'

export default class ProfileController {
  async edit({ view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    return view.render('accounts/pages/profile', {
      user,
      grants: await user.grants(),
      regionTree: await regionDirectory.tree(),
    })
  }

  async update({ request, response, auth, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(profileValidator)
    await updateProfile(user, { name: input.name, countyCode: input.county_code, village: input.village ?? null }, request.ip())
    session.flash('success', i18n.t('accounts.profile_saved'))
    return response.redirect().toRoute('profile.edit')
  }
}
