import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SimilarController = () => import('#modules/experts/similar/similar_controller')
const SolvedCasesController = () => import('#modules/experts/similar/solved_cases_controller')

const ID = router.matchers.number()

// 找类似 while reporting, and the reporter's choice between a similar case and an expert.
router
  .group(() => {
    // GET: the page without JavaScript; POST: htmx while typing (a long description does not fit in a URL).
    router.get('/similar', [SimilarController, 'similar']).as('index')
    router.post('/similar', [SimilarController, 'similar']).as('typing')
    router.post('/:id/resolved', [SimilarController, 'resolve']).as('resolve').where('id', ID)
    router.post('/:id/ask-expert', [SimilarController, 'askExpert']).as('ask_expert').where('id', ID)
  })
  .prefix('/consultations')
  .as('experts.similar')
  .use(middleware.auth())

// Solved cases offered by 找类似, open to everyone.
router.get('/cases/:documentId', [SolvedCasesController, 'show']).as('experts.similar.solved_case').where('documentId', ID)
