import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import '#modules/experts/consultation_hooks'

const ConsultationsController = () => import('#modules/experts/controllers/consultations_controller')
const ConsultationMessagesController = () => import('#modules/experts/controllers/consultation_messages_controller')
const FarmerLinkController = () => import('#modules/experts/controllers/farmer_link_controller')
const SolvedCasesController = () => import('#modules/experts/controllers/solved_cases_controller')

const ID = router.matchers.number()

// 报需求, 我的需求 and the reporter's case page.
router
  .group(() => {
    router.get('/', [ConsultationsController, 'index']).as('index')
    router.get('/new', [ConsultationsController, 'create']).as('create')
    router.post('/', [ConsultationsController, 'store']).as('store')
    // GET: the page without JavaScript; POST: htmx while typing (a long description does not fit in a URL).
    router.get('/similar', [ConsultationsController, 'similar']).as('similar')
    router.post('/similar', [ConsultationsController, 'similar']).as('similar.typing')
    router.get('/:id', [ConsultationsController, 'show']).as('show').where('id', ID)
    router.post('/:id/resolved', [ConsultationsController, 'resolve']).as('resolve').where('id', ID)
    router.post('/:id/ask-expert', [ConsultationsController, 'askExpert']).as('ask_expert').where('id', ID)
    router.get('/:id/messages', [ConsultationMessagesController, 'index']).as('messages.index').where('id', ID)
    router.post('/:id/messages', [ConsultationMessagesController, 'store']).as('messages.store').where('id', ID)
  })
  .prefix('/consultations')
  .as('consultations')
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
  .as('farmer_link')
  .where('id', ID)

// Solved cases offered by 找类似, open to everyone.
router.get('/cases/:documentId', [SolvedCasesController, 'show']).as('solved_cases.show').where('documentId', ID)
