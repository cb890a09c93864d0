import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ProfilesController = () => import('#modules/experts/profiles/profiles_controller')
const ReviewsController = () => import('#modules/experts/profiles/profile_reviews_controller')

/* Applying, and the expert's own profile and availability. */
router
  .group(() => {
    router.get('/apply', [ProfilesController, 'create']).as('apply')
    router.post('/apply', [ProfilesController, 'store']).as('apply.store')
    router.get('/me', [ProfilesController, 'edit']).as('mine')
    router.post('/me', [ProfilesController, 'update']).as('mine.update')
    router.post('/me/availability', [ProfilesController, 'availability']).as('mine.availability')
  })
  .prefix('/experts')
  .as('experts.profiles')
  .use(middleware.auth())

/* Centre staff verify or reject applications of their region (management area). */
router
  .group(() => {
    router.get('/', [ReviewsController, 'index']).as('index')
    router.get('/:id', [ReviewsController, 'show']).as('show').where('id', router.matchers.number())
    router.post('/:id/verify', [ReviewsController, 'verify']).as('verify').where('id', router.matchers.number())
    router.post('/:id/reject', [ReviewsController, 'reject']).as('reject').where('id', router.matchers.number())
  })
  .prefix('/admin/experts/profiles')
  .as('experts.profiles.reviews')
  .use(middleware.auth())
