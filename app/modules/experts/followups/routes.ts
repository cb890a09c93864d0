import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const FollowupsController = () => import('#modules/experts/followups/followups_controller')

/* 回访: the centre's phone call after closing, in the management area. */
router
  .group(() => {
    router.get('/', [FollowupsController, 'index']).as('index')
    router.get('/:id', [FollowupsController, 'show']).as('show').where('id', router.matchers.number())
    router.post('/:id/reveal', [FollowupsController, 'reveal']).as('reveal').where('id', router.matchers.number())
    router.post('/:id/calls', [FollowupsController, 'storeCall']).as('calls.store').where('id', router.matchers.number())
  })
  .prefix('/admin/experts/followups')
  .as('experts.followups')
  .use(middleware.auth())
