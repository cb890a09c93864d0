import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const FollowupsController = () => import('#modules/experts/controllers/followups_controller')

/* 回访, statistics and exports: the centre's side of the expert service, in the management area. */
router
  .group(() => {
    router.get('/followups', [FollowupsController, 'index']).as('followups.index')
    router.get('/followups/:id', [FollowupsController, 'show']).as('followups.show').where('id', router.matchers.number())
    router.post('/followups/:id/reveal', [FollowupsController, 'reveal']).as('followups.reveal').where('id', router.matchers.number())
    router.post('/followups/:id/calls', [FollowupsController, 'storeCall']).as('followups.calls.store').where('id', router.matchers.number())
  })
  .prefix('/admin/experts')
  .as('experts')
  .use(middleware.auth())
