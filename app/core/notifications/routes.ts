import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const NotificationsController = () => import('#core/notifications/notifications_controller')

router
  .group(() => {
    router.get('/', [NotificationsController, 'index']).as('index')
    router.post('/read-all', [NotificationsController, 'markAllRead']).as('read_all')
    router.post('/:id/read', [NotificationsController, 'markRead']).as('read').where('id', router.matchers.number())
  })
  .prefix('/notifications')
  .as('notifications')
  .use(middleware.auth())
