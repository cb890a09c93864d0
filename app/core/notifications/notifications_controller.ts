import type { HttpContext } from '@adonisjs/core/http'
import { renderPageOrFragment, wantsFragment } from '#core/http/render'
import { notificationPageValidator } from '#core/notifications/validators'
import { listFor, markAllRead, markRead, unreadCount } from '#core/notifications/notification_service'

/**
 * "消息": a person's own notifications. Marking read is a POST form (works without
 * JavaScript); htmx swaps just the item or the list and refreshes the tab-bar badge.
 */
export default class NotificationsController {
  async index(ctx: HttpContext) {
    const { page } = await ctx.request.validateUsing(notificationPageValidator, { data: ctx.request.qs() })
    const notifications = await listFor(ctx.auth.getUserOrFail().id, page ?? 1)
    return renderPageOrFragment(ctx, 'notifications/pages/index', 'notifications/partials/list', { notifications })
  }

  async markRead(ctx: HttpContext) {
    const { params, request, response, auth, view } = ctx
    const user = auth.getUserOrFail()
    const notification = await markRead(user.id, params.id)
    if (wantsFragment(ctx)) {
      return view.render('notifications/partials/read_fragment', { notification, unread: await unreadCount(user.id) })
    }
    const { page } = await request.validateUsing(notificationPageValidator)
    // Back to the page the form was on.
    const redirect = response.redirect()
    if (page && page > 1) redirect.withQs({ page })
    return redirect.toRoute('notifications.index')
  }

  async markAllRead(ctx: HttpContext) {
    const { response, auth, view, session, i18n } = ctx
    const user = auth.getUserOrFail()
    await markAllRead(user.id)
    if (wantsFragment(ctx)) {
      return view.render('notifications/partials/read_fragment', { notifications: await listFor(user.id, 1), unread: 0 })
    }
    session.flash('success', i18n.t('notifications.all_marked_read'))
    return response.redirect().toRoute('notifications.index')
  }
}
