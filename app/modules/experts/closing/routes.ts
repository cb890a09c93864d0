import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ClosingController = () => import('#modules/experts/closing/closing_controller')

const id = router.matchers.number()

/* Closing and rating (issue 6, point 2). Paths are built in app/modules/experts/visits/paths.ts. */

// The reporter, signed in.
router
  .group(() => {
    router.get('/:id/close', [ClosingController, 'show']).as('show')
    router.post('/:id/close', [ClosingController, 'store']).as('store')
  })
  .prefix('/consultations')
  .where('id', id)
  .as('experts.closing')
  .use(middleware.auth())

// The farmer from the SMS link: close and rate.
router
  .group(() => {
    router.get('/:id/:token/close', [ClosingController, 'show']).as('show')
    router.post('/:id/:token/close', [ClosingController, 'store']).as('store')
  })
  .prefix('/f')
  .where('id', id)
  .as('experts.closing.link')
