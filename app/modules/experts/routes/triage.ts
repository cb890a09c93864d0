import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const TriageLinkController = () => import('#modules/experts/controllers/triage_link_controller')
const TriageMyCasesController = () => import('#modules/experts/controllers/triage_my_cases_controller')
const TriageBoardController = () => import('#modules/experts/controllers/triage_board_controller')

const PUBLIC_ID = /^[A-Za-z0-9_-]{22}$/

/*
 * The expert's SMS link: no login. Any token reaches the controller, which answers a
 * tampered or expired one with a Chinese refusal page rather than a bare 404.
 */
router
  .group(() => {
    router.get('/', [TriageLinkController, 'show']).as('show')
    router.post('/accept', [TriageLinkController, 'accept']).as('accept')
    router.post('/decline', [TriageLinkController, 'decline']).as('decline')
    router.post('/answer', [TriageLinkController, 'answer']).as('answer')
    router.post('/ask', [TriageLinkController, 'ask']).as('ask')
    router.get('/messages', [TriageLinkController, 'messages']).as('messages.index')
    router.post('/messages', [TriageLinkController, 'storeMessage']).as('messages.store')
    router
      .get('/media/:publicId/:variant', [TriageLinkController, 'media'])
      .as('media')
      .where('publicId', PUBLIC_ID)
      .where('variant', /^(full|thumb)$/)
  })
  .prefix('/l/:id/:token')
  .where('id', router.matchers.number())
  .as('experts.link')

/* "我的案件" for signed-in experts: the same case page and actions as the link. */
router
  .group(() => {
    router.get('/', [TriageMyCasesController, 'index']).as('index')
    router.get('/:id', [TriageMyCasesController, 'show']).as('show')
    router.post('/:id/accept', [TriageMyCasesController, 'accept']).as('accept')
    router.post('/:id/decline', [TriageMyCasesController, 'decline']).as('decline')
    router.post('/:id/answer', [TriageMyCasesController, 'answer']).as('answer')
    router.post('/:id/ask', [TriageMyCasesController, 'ask']).as('ask')
    router.get('/:id/messages', [TriageMyCasesController, 'messages']).as('messages.index')
    router.post('/:id/messages', [TriageMyCasesController, 'storeMessage']).as('messages.store')
  })
  .prefix('/expert/cases')
  .where('id', router.matchers.number())
  .as('experts.my_cases')
  .use(middleware.auth())

/* 分诊台 of the operation centres. */
router
  .group(() => {
    router.get('/', [TriageBoardController, 'index']).as('index')
    router.get('/:id', [TriageBoardController, 'show']).as('show')
    router.post('/:id/assign', [TriageBoardController, 'assign']).as('assign')
  })
  .prefix('/triage')
  .where('id', router.matchers.number())
  .as('experts.triage')
  .use(middleware.auth())
