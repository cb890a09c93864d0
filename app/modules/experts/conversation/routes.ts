import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const MessagesController = () => import('#modules/experts/conversation/messages_controller')

/*
 * The conversation of the reporter's case page. The two SMS-link pages serve their own
 * thread through their controllers (consultations/ and responses/), which call this feature.
 */
router
  .group(() => {
    router.get('/:id/messages', [MessagesController, 'index']).as('index')
    router.post('/:id/messages', [MessagesController, 'store']).as('store')
  })
  .prefix('/consultations')
  .where('id', router.matchers.number())
  .as('experts.conversation')
  .use(middleware.auth())
