import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const AuditLogController = () => import('#modules/admin/audit_log/audit_log_controller')

router.get('/admin/audit', [AuditLogController, 'index']).as('admin.audit_log.index').use(middleware.auth())
