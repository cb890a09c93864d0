import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { caseRoutes } from '#modules/experts/shared/case_routes'

const VisitsController = () => import('#modules/experts/visits/visits_controller')
const VisitStaffController = () => import('#modules/experts/visits/visit_staff_controller')

/*
 * On-site visits (issue 6, point 1). Paths are built in app/modules/experts/visits/paths.ts;
 * keep the two in step.
 */

// The reporter and the case's experts signed in, and an expert from the SMS link.
caseRoutes(
  VisitsController,
  [
    ['get', '/', 'show'],
    ['post', '/', 'store'],
    ['post', '/:visitId/outcome', 'outcome'],
  ],
  [
    { prefix: '/consultations/:id/visits', as: 'experts.visits', signedIn: true },
    { prefix: '/l/:id/:token/visits', as: 'experts.visits.link' },
  ]
)

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
  .where('id', router.matchers.number())
  .as('experts.visits.staff')
  .use(middleware.auth())
