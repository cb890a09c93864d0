import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

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
router
  .group(() => {
    router.get('/', [FarmerLinkController, 'show']).as('show')
    router.get('/messages', [FarmerLinkController, 'messages']).as('messages.index')
    router.post('/messages', [FarmerLinkController, 'storeMessage']).as('messages.store')
    router
      .get('/media/:publicId/:variant', [FarmerLinkController, 'media'])
      .as('media')
      .where('publicId', /^[A-Za-z0-9_-]{22}$/)
      .where('variant', /^(full|thumb)$/)
  })
  .prefix('/f/:id/:token')
  .as('experts.consultations.farmer_link')
  .where('id', ID)
