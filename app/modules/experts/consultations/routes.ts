import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { caseRoutes, LINK_MEDIA_ACTION, LINK_THREAD_ACTIONS } from '#modules/experts/shared/case_routes'

const ConsultationsController = () => import('#modules/experts/consultations/consultations_controller')
const FarmerLinkController = () => import('#modules/experts/consultations/farmer_link_controller')

const ID = router.matchers.number()

// 报需求, 我的需求 and the reporter's case page.
router
  .group(() => {
    router.get('/', [ConsultationsController, 'index']).as('index')
    router.get('/new', [ConsultationsController, 'create']).as('create')
    router.post('/', [ConsultationsController, 'store']).as('store')
    router.get('/:id', [ConsultationsController, 'show']).as('show').where('id', ID)
  })
  .prefix('/consultations')
  .as('experts.consultations')
  .use(middleware.auth())

// The farmer's SMS link: no login, the signed token is the permission.
caseRoutes(
  FarmerLinkController,
  [['get', '/', 'show'], ...LINK_THREAD_ACTIONS, LINK_MEDIA_ACTION],
  [{ prefix: '/f/:id/:token', as: 'experts.consultations.farmer_link' }]
)
