import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import { endSession } from '#core/accounts/sessions'
import { signedInDevices, signOutDevice } from '#core/accounts/devices'

/** 我的登录设备: the person's signed-in sessions, and signing one of them out. */
export default class DevicesController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    return renderPageOrFragment(ctx, 'accounts/pages/devices', 'accounts/partials/device_list', {
      devices: await signedInDevices(user, ctx.session.sessionId),
    })
  }

  async destroy(ctx: HttpContext) {
    const { auth, params, session, response, i18n, view } = ctx
    const user = auth.getUserOrFail()
    const current = (await signedInDevices(user, session.sessionId)).find((device) => device.current)
    // This very device: the same as 退出登录.
    if (current?.handle === params.handle) {
      await endSession(ctx)
      session.flash('success', i18n.t('accounts.logged_out'))
      return response.redirect().toRoute('session.create')
    }
    if (!(await signOutDevice(user, params.handle))) throw new Exception('No such session of this person', { status: 404 })
    const status = i18n.t('accounts.devices.signed_out')
    if (wantsFragment(ctx)) return view.render('accounts/partials/device_list', { devices: await signedInDevices(user, session.sessionId), status })
    session.flash('success', status)
    return response.redirect().toRoute('devices.index')
  }
}
