import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const VisitsController = () => import('#modules/experts/visits/visits_controller')
const VisitStaffController = () => import('#modules/experts/visits/visit_staff_controller')

const id = router.matchers.number()

/*
 * On-site visits (issue 6, point 1). Paths are built in app/modules/experts/visits/paths.ts;
 * keep the two in step.
 */

// The reporter and the case's experts, signed in.
router
  .group(() => {
    router.get('/:id/visits', [VisitsController, 'show']).as('show')
    router.post('/:id/visits', [VisitsController, 'store']).as('store')
    router.post('/:id/visits/:visitId/outcome', [VisitsController, 'outcome']).as('outcome').where('visitId', id)
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
