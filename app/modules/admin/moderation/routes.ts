import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const WordsController = () => import('#modules/admin/moderation/words_controller')
const BreakersController = () => import('#modules/admin/moderation/breakers_controller')
const ReviewsController = () => import('#modules/admin/moderation/reviews_controller')

/* Content safety (app/core/moderation): word list, circuit breakers, review queue. */
router
  .group(() => {
    router.get('/words', [WordsController, 'index']).as('words.index')
    router.post('/words', [WordsController, 'store']).as('words.store')
    router.post('/words/check', [WordsController, 'check']).as('words.check')
    router.get('/words/:id/remove', [WordsController, 'confirmRemove']).as('words.confirm_remove').where('id', router.matchers.number())
    router.post('/words/:id/remove', [WordsController, 'destroy']).as('words.destroy').where('id', router.matchers.number())
    router.get('/breakers', [BreakersController, 'index']).as('breakers.index')
    router.post('/breakers', [BreakersController, 'store']).as('breakers.store')
    router.post('/breakers/:id/reset', [BreakersController, 'reset']).as('breakers.reset').where('id', router.matchers.number())
    router.get('/reviews', [ReviewsController, 'index']).as('reviews.index')
    router.get('/reviews/:id', [ReviewsController, 'show']).as('reviews.show').where('id', router.matchers.number())
    router.post('/reviews/:id/decision', [ReviewsController, 'decide']).as('reviews.decide').where('id', router.matchers.number())
  })
  .prefix('/admin/moderation')
  .as('admin.moderation')
  .use(middleware.auth())
