import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const JobsController = () => import('#core/jobs/jobs_controller')

router
  .group(() => {
    router.get('/jobs', [JobsController, 'index']).as('jobs.index')
    router.post('/jobs/:id/retry', [JobsController, 'retry']).as('jobs.retry').where('id', router.matchers.uuid())
  })
  .prefix('/admin')
  .use(middleware.auth())
