import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const RoleGrantsController = () => import('#modules/admin/role_grants/role_grants_controller')

/* Who holds which role in which region: search people, grant, revoke. */
router
  .group(() => {
    router.get('/', [RoleGrantsController, 'index']).as('index')
    router.get('/users/:id', [RoleGrantsController, 'show']).as('show').where('id', router.matchers.number())
    router.post('/users/:id/grants', [RoleGrantsController, 'store']).as('store').where('id', router.matchers.number())
    router.get('/grants/:id/revoke', [RoleGrantsController, 'confirmRevoke']).as('confirm_revoke').where('id', router.matchers.number())
    router.post('/grants/:id/revoke', [RoleGrantsController, 'destroy']).as('destroy').where('id', router.matchers.number())
  })
  .prefix('/admin/roles')
  .as('admin.role_grants')
  .use(middleware.auth())
