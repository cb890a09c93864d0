import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const LinkController = () => import('#modules/experts/responses/link_controller')
const MyCasesController = () => import('#modules/experts/responses/my_cases_controller')

const PUBLIC_ID = /^[A-Za-z0-9_-]{22}$/

/*
 * The expert's SMS link: no login. Any token reaches the controller, which answers a
 * tampered or expired one with a Chinese refusal page rather than a bare 404.
 */
router
  .group(() => {
    router.get('/', [LinkController, 'show']).as('show')
    router.post('/accept', [LinkController, 'accept']).as('accept')
    router.post('/decline', [LinkController, 'decline']).as('decline')
    router.post('/answer', [LinkController, 'answer']).as('answer')
    router.post('/ask', [LinkController, 'ask']).as('ask')
    router.get('/messages', [LinkController, 'messages']).as('messages.index')
    router.post('/messages', [LinkController, 'storeMessage']).as('messages.store')
    router
      .get('/media/:publicId/:variant', [LinkController, 'media'])
      .as('media')
      .where('publicId', PUBLIC_ID)
      .where('variant', /^(full|thumb)$/)
  })
  .prefix('/l/:id/:token')
  .where('id', router.matchers.number())
  .as('experts.responses.link')

/* "我的案件" for signed-in experts: the same case page and actions as the link. */
router
  .group(() => {
    router.get('/', [MyCasesController, 'index']).as('index')
    router.get('/:id', [MyCasesController, 'show']).as('show')
    router.post('/:id/accept', [MyCasesController, 'accept']).as('accept')
    router.post('/:id/decline', [MyCasesController, 'decline']).as('decline')
    router.post('/:id/answer', [MyCasesController, 'answer']).as('answer')
    router.post('/:id/ask', [MyCasesController, 'ask']).as('ask')
    router.get('/:id/messages', [MyCasesController, 'messages']).as('messages.index')
    router.post('/:id/messages', [MyCasesController, 'storeMessage']).as('messages.store')
  })
  .prefix('/expert/cases')
  .where('id', router.matchers.number())
  .as('experts.responses.my_cases')
  .use(middleware.auth())
