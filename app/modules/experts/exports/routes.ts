import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ExportsController = () => import('#modules/experts/exports/exports_controller')

/* The case records as CSV or XLSX for centre staff, in the management area. */
router
  .group(() => {
    router.get('/', [ExportsController, 'create']).as('create')
    router.post('/', [ExportsController, 'store']).as('store')
  })
  .prefix('/admin/experts/exports')
  .as('experts.exports')
  .use(middleware.auth())
