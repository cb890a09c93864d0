import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { checkSignedIn } from '#core/accounts/sessions'
import { unreadCount } from '#core/notifications/notification_service'
import { navigationBadges, navigationFor, type NavigationArea, type Viewer } from '#core/navigation'

/**
 * Every page shows who is signed in and the sections they may use, so the session
 * user and their role grants are read once here for the layout.
 */
export default class CurrentUserMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await checkSignedIn(ctx)
    const user = ctx.auth.user
    const roles = user ? (await user.grants()).map((grant) => grant.role) : []
    const viewer: Viewer = { signedIn: !!user, roles: new Set(roles) }
    ctx.view.share({
      navigation: (area: NavigationArea) => navigationFor(area, viewer),
      navigationBadge: navigationBadges(viewer, user ?? null),
      currentUser: user ?? null,
      isAdmin: roles.includes('center_admin') || roles.includes('platform_admin'),
      isPlatformAdmin: roles.includes('platform_admin'),
      // Phones reporters back (回访); platform admins oversee instead.
      isCentre: roles.includes('center_staff') || roles.includes('center_admin'),
      currentPath: ctx.request.url(),
      unreadNotifications: user ? await unreadCount(user.id) : 0,
    })
    return next()
  }
}
