import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const DirectoryController = () => import('#modules/experts/controllers/profiles_directory_controller')
const ProfilesController = () => import('#modules/experts/controllers/profiles_controller')
const ReviewsController = () => import('#modules/experts/controllers/profile_reviews_controller')

/* 找专家 and the profile pages are public: farmers look for an expert before signing in. */
router.get('/experts', [DirectoryController, 'index']).as('experts.directory')
router.get('/experts/:id', [DirectoryController, 'show']).as('experts.profile').where('id', router.matchers.number())

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
  .as('experts')
  .use(middleware.auth())

/* Centre staff verify or reject applications of their region (management area). */
router
  .group(() => {
    router.get('/profiles', [ReviewsController, 'index']).as('reviews.index')
    router.get('/profiles/:id', [ReviewsController, 'show']).as('reviews.show').where('id', router.matchers.number())
    router.post('/profiles/:id/verify', [ReviewsController, 'verify']).as('reviews.verify').where('id', router.matchers.number())
    router.post('/profiles/:id/reject', [ReviewsController, 'reject']).as('reviews.reject').where('id', router.matchers.number())
  })
  .prefix('/admin/experts')
  .as('experts')
  .use(middleware.auth())
