import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import '#modules/experts/visit_views'

const VisitsController = () => import('#modules/experts/controllers/visits_controller')
const ClosingController = () => import('#modules/experts/controllers/closing_controller')
const VisitStaffController = () => import('#modules/experts/controllers/visit_staff_controller')

const id = router.matchers.number()

/*
 * On-site visits and closing (issue 6, points 1–2). Paths are built in
 * app/modules/experts/visit_paths.ts; keep the two in step.
 */

// The reporter and the case's experts, signed in.
router
  .group(() => {
    router.get('/:id/visits', [VisitsController, 'show']).as('show')
    router.post('/:id/visits', [VisitsController, 'store']).as('store')
    router.post('/:id/visits/:visitId/outcome', [VisitsController, 'outcome']).as('outcome').where('visitId', id)
    router.get('/:id/close', [ClosingController, 'show']).as('close.show')
    router.post('/:id/close', [ClosingController, 'store']).as('close.store')
  })
  .prefix('/consultations')
  .where('id', id)
  .as('experts.visits')
  .use(middleware.auth())

// An expert from the SMS link, no account needed (the token is checked by the controller).
router
  .group(() => {
    router.get('/:id/:token/visits', [VisitsController, 'show']).as('show')
    router.post('/:id/:token/visits', [VisitsController, 'store']).as('store')
    router.post('/:id/:token/visits/:visitId/outcome', [VisitsController, 'outcome']).as('outcome').where('visitId', id)
  })
  .prefix('/l')
  .where('id', id)
  .as('experts.visits.link')

// The farmer from the SMS link: close and rate.
router
  .group(() => {
    router.get('/:id/:token/close', [ClosingController, 'show']).as('show')
    router.post('/:id/:token/close', [ClosingController, 'store']).as('store')
  })
  .prefix('/f')
  .where('id', id)
  .as('experts.closing.link')

// The centre, in the management area.
router
  .group(() => {
    router.get('/', [VisitStaffController, 'index']).as('index')
    router.get('/:id', [VisitStaffController, 'show']).as('show')
    router.post('/:id/dispatch', [VisitStaffController, 'dispatch']).as('dispatch')
    router.post('/:id/reschedule', [VisitStaffController, 'reschedule']).as('reschedule')
    router.post('/:id/confirm-cost', [VisitStaffController, 'confirmCost']).as('confirm_cost')
    router.get('/:id/cancel', [VisitStaffController, 'confirmCancel']).as('confirm_cancel')
    router.post('/:id/cancel', [VisitStaffController, 'cancel']).as('cancel')
  })
  .prefix('/admin/visits')
  .where('id', id)
  .as('experts.visits.staff')
  .use(middleware.auth())
