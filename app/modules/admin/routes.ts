import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const RoleGrantsController = () => import('#modules/admin/controllers/role_grants_controller')
const AuditLogController = () => import('#modules/admin/controllers/audit_log_controller')

router
  .group(() => {
    router.get('/roles', [RoleGrantsController, 'index']).as('role_grants.index')
    router.get('/roles/users/:id', [RoleGrantsController, 'show']).as('role_grants.show').where('id', router.matchers.number())
    router.post('/roles/users/:id/grants', [RoleGrantsController, 'store']).as('role_grants.store').where('id', router.matchers.number())
    router.get('/roles/grants/:id/revoke', [RoleGrantsController, 'confirmRevoke']).as('role_grants.confirm_revoke').where('id', router.matchers.number())
    router.post('/roles/grants/:id/revoke', [RoleGrantsController, 'destroy']).as('role_grants.destroy').where('id', router.matchers.number())
    router.get('/audit', [AuditLogController, 'index']).as('audit_log.index')
  })
  .prefix('/admin')
  .as('admin')
  .use(middleware.auth())
