import type { HttpContext } from '@adonisjs/core/http'
import { SCOPED_ROLES } from '#core/accounts/roles'
import { suspensionOfScopes } from '#core/regions/participation'
import CentreHomePolicy from '#modules/admin/centre_home/policy'

/**
 * 管理 (/admin): the operation centre's desk — staff and administrators alike — with every
 * centre link the modules registered (home.centre) and what waits behind each.
 */
export default class CentreHomeController {
  async show({ bouncer, view, auth }: HttpContext) {
    await bouncer.with(CentreHomePolicy).authorize('desk')
    // A suspended centre is told so on its desk (#core/regions/participation).
    const suspension = await suspensionOfScopes(await auth.getUserOrFail().scopesFor(...SCOPED_ROLES))
    return view.render('admin/centre_home/pages/centre_home', { suspension })
  }
}
