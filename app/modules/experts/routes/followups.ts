import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const FollowupsController = () => import('#modules/experts/controllers/followups_controller')
const StatisticsController = () => import('#modules/experts/controllers/statistics_controller')
const ExportsController = () => import('#modules/experts/controllers/exports_controller')

/* 回访, statistics and exports: the centre's side of the expert service, in the management area. */
router
  .group(() => {
    router.get('/followups', [FollowupsController, 'index']).as('followups.index')
    router.get('/followups/:id', [FollowupsController, 'show']).as('followups.show').where('id', router.matchers.number())
    router.post('/followups/:id/reveal', [FollowupsController, 'reveal']).as('followups.reveal').where('id', router.matchers.number())
    router.post('/followups/:id/calls', [FollowupsController, 'storeCall']).as('followups.calls.store').where('id', router.matchers.number())
    router.get('/statistics', [StatisticsController, 'show']).as('statistics.show')
    router.get('/exports', [ExportsController, 'create']).as('exports.create')
    router.post('/exports', [ExportsController, 'store']).as('exports.store')
  })
  .prefix('/admin/experts')
  .as('experts')
  .use(middleware.auth())
