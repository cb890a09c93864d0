import type { HttpContext } from '@adonisjs/core/http'
import CentreHomePolicy from '#modules/admin/centre_home/policy'

/**
 * 管理 (/admin): the operation centre's desk — staff and administrators alike — with every
 * centre link the modules registered (home.centre) and what waits behind each.
 */
export default class CentreHomeController {
  async show({ bouncer, view }: HttpContext) {
    await bouncer.with(CentreHomePolicy).authorize('desk')
    return view.render('admin/centre_home/pages/centre_home')
  }
}
