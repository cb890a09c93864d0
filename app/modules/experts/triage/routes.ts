import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const TriageBoardController = () => import('#modules/experts/triage/triage_board_controller')

/* 分诊台 of the operation centres. */
router
  .group(() => {
    router.get('/', [TriageBoardController, 'index']).as('board')
    router.get('/:id', [TriageBoardController, 'show']).as('show')
    router.post('/:id/assign', [TriageBoardController, 'assign']).as('assign')
  })
  .prefix('/triage')
  .where('id', router.matchers.number())
  .as('experts.triage')
  .use(middleware.auth())
