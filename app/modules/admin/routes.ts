/*
 * Every URL of the management centre (/admin), one block per feature folder. All are
 * signed in; each controller's policy decides who of the signed-in may enter.
 */
import router from '@adonisjs/core/services/router'
import { routeGroup } from '#core/http/route_group'
import { middleware } from '#start/kernel'

const CentreHomeController = () => import('#modules/admin/centre_home/centre_home_controller')
const RoleGrantsController = () => import('#modules/admin/role_grants/role_grants_controller')
const AuditLogController = () => import('#modules/admin/audit_log/audit_log_controller')
const WordsController = () => import('#modules/admin/moderation/words_controller')
const BreakersController = () => import('#modules/admin/moderation/breakers_controller')
const ReviewsController = () => import('#modules/admin/moderation/reviews_controller')

// centre_home — 管理: the centre's desk, the tab's target for staff and administrators.
router.get('/admin', [CentreHomeController, 'show']).as('admin.centre_home').use(middleware.auth())

// role_grants — who holds which role in which region: search people, grant, revoke.
routeGroup({ prefix: '/admin/roles', as: 'admin.role_grants' }, () => {
  router.get('/', [RoleGrantsController, 'index']).as('index')
  router.get('/users/:id', [RoleGrantsController, 'show']).as('show')
  router.post('/users/:id/grants', [RoleGrantsController, 'store']).as('store')
  router.get('/grants/:id/revoke', [RoleGrantsController, 'confirmRevoke']).as('confirm_revoke')
  router.post('/grants/:id/revoke', [RoleGrantsController, 'destroy']).as('destroy')
})

// users — 用户管理: people of the scope, their roles (on role_grants), passkeys and sessions; deactivation; a masked export.
const UsersController = () => import('#modules/admin/users/users_controller')
routeGroup({ prefix: '/admin/users', as: 'admin.users' }, () => {
  router.get('/', [UsersController, 'index']).as('index')
  router.get('/export', [UsersController, 'export']).as('export')
  router.get('/:id', [UsersController, 'show']).as('show').where('id', router.matchers.number())
  router.post('/:id/deactivate', [UsersController, 'deactivate']).as('deactivate').where('id', router.matchers.number())
  router.post('/:id/reactivate', [UsersController, 'reactivate']).as('reactivate').where('id', router.matchers.number())
  router.post('/:id/sessions/sign-out', [UsersController, 'endAllSessions']).as('sessions.destroy_all').where('id', router.matchers.number())
  router.post('/:id/sessions/:handle/sign-out', [UsersController, 'endSession']).as('sessions.destroy').where('id', router.matchers.number()).where('handle', /^[0-9a-f]{24}$/)
})

// audit_log — the audit log of the actor's scope.
routeGroup({ prefix: '/admin/audit', as: 'admin.audit_log' }, () => {
  router.get('/', [AuditLogController, 'index']).as('index')
})

// moderation — content safety (app/core/moderation): word list, circuit breakers, review queue.
routeGroup({ prefix: '/admin/moderation', as: 'admin.moderation' }, () => {
  router.get('/words', [WordsController, 'index']).as('words.index')
  router.post('/words', [WordsController, 'store']).as('words.store')
  router.post('/words/check', [WordsController, 'check']).as('words.check')
  router.get('/words/:id/remove', [WordsController, 'confirmRemove']).as('words.confirm_remove')
  router.post('/words/:id/remove', [WordsController, 'destroy']).as('words.destroy')
  router.get('/breakers', [BreakersController, 'index']).as('breakers.index')
  router.post('/breakers', [BreakersController, 'store']).as('breakers.store')
  router.post('/breakers/:id/reset', [BreakersController, 'reset']).as('breakers.reset')
  router.get('/reviews', [ReviewsController, 'index']).as('reviews.index')
  router.get('/reviews/:id', [ReviewsController, 'show']).as('reviews.show')
  router.post('/reviews/:id/decision', [ReviewsController, 'decide']).as('reviews.decide')
})

// villages — the village registry of a county (core's): townships and villages, CSV import with a preview, its history.
const VillagesController = () => import('#modules/admin/villages/villages_controller')
routeGroup({ prefix: '/admin/villages', as: 'admin.villages' }, () => {
  router.get('/', [VillagesController, 'index']).as('index')
  router.post('/imports', [VillagesController, 'store']).as('imports.store')
  router.get('/imports/:id', [VillagesController, 'show']).as('imports.show').where('id', router.matchers.number())
  router.post('/imports/:id/apply', [VillagesController, 'apply']).as('imports.apply').where('id', router.matchers.number())
})

// officers — 信息员 coverage per county, township and village (≥ 2 per village), its roll-up and export.
const CoverageController = () => import('#modules/admin/officers/coverage_controller')
routeGroup({ prefix: '/admin/officers', as: 'admin.officers' }, () => {
  router.get('/coverage', [CoverageController, 'show']).as('coverage')
  router.get('/coverage/export', [CoverageController, 'export']).as('coverage.export')
})

// participation — a city's or county's participation suspended (with reason and day) and restored.
const ParticipationController = () => import('#modules/admin/participation/participation_controller')
routeGroup({ prefix: '/admin/participation', as: 'admin.participation' }, () => {
  router.get('/', [ParticipationController, 'index']).as('index')
  router.post('/', [ParticipationController, 'store']).as('store')
  router.post('/:id/restore', [ParticipationController, 'restore']).as('restore').where('id', router.matchers.number())
})

// dashboard — 大数据展示 of the viewer's region: the county map, deadline hit rates, cases per industry (from the expert service's rollups).
const DashboardController = () => import('#modules/admin/dashboard/dashboard_controller')
router.get('/admin/dashboard', [DashboardController, 'show']).as('admin.dashboard.show').use(middleware.auth())

// centres — 运管中心: the centres of the viewer's scope, registering one, a centre's page, its 六有 checklist filled with evidence and reviewed by the level above.
const CentresController = () => import('#modules/admin/centres/centres_controller')
const ChecklistController = () => import('#modules/admin/centres/checklist_controller')
const CHECKLIST_ITEM = { match: /^(organization|functions|staff|premises|equipment|funding)$/ }
routeGroup({ prefix: '/admin/centres', as: 'admin.centres' }, () => {
  router.get('/', [CentresController, 'index']).as('index')
  router.post('/', [CentresController, 'store']).as('store')
  router.get('/:id', [CentresController, 'show']).as('show')
  router.get('/:id/items/:item', [ChecklistController, 'show']).as('items.show').where('item', CHECKLIST_ITEM)
  router.post('/:id/items/:item', [ChecklistController, 'update']).as('items.update').where('item', CHECKLIST_ITEM)
  router.post('/:id/items/:item/review', [ChecklistController, 'review']).as('items.review').where('item', CHECKLIST_ITEM)
  router.post('/:id/items/:item/files/:publicId/remove', [ChecklistController, 'removeFile']).as('items.remove_file').where('item', CHECKLIST_ITEM)
})

// performance — 绩效: each expert's and 信息员's figures of a year from the case log, computed again on request.
const PerformanceController = () => import('#modules/admin/performance/performance_controller')
routeGroup({ prefix: '/admin/performance', as: 'admin.performance' }, () => {
  router.get('/', [PerformanceController, 'index']).as('index')
  router.post('/compute', [PerformanceController, 'compute']).as('compute')
})

// subsidies — 补贴: yearly rules (versions kept), county lists proposed, adjusted, approved by the level above and frozen, the payment export, payment data sealed and masked.
const SubsidyListsController = () => import('#modules/admin/subsidies/lists_controller')
const SubsidyLinesController = () => import('#modules/admin/subsidies/lines_controller')
const SubsidyRulesController = () => import('#modules/admin/subsidies/rules_controller')
const SubsidyPayeesController = () => import('#modules/admin/subsidies/payees_controller')
routeGroup({ prefix: '/admin/subsidies', as: 'admin.subsidies' }, () => {
  router.get('/', [SubsidyListsController, 'index']).as('index')
  router.post('/', [SubsidyListsController, 'store']).as('store')
  router.get('/export', [SubsidyListsController, 'export']).as('export')
  router.get('/rules', [SubsidyRulesController, 'index']).as('rules')
  router.post('/rules', [SubsidyRulesController, 'store']).as('rules.store')
  router.get('/payees', [SubsidyPayeesController, 'lookup']).as('payees.lookup')
  router.get('/payees/:userId', [SubsidyPayeesController, 'show']).as('payees.show').where('userId', router.matchers.number())
  router.post('/payees/:userId', [SubsidyPayeesController, 'store']).as('payees.store').where('userId', router.matchers.number())
  router.post('/payees/:userId/reveal', [SubsidyPayeesController, 'reveal']).as('payees.reveal').where('userId', router.matchers.number())
  router.post('/lines/:id', [SubsidyLinesController, 'update']).as('lines.update').where('id', router.matchers.number())
  router.get('/:id', [SubsidyListsController, 'show']).as('show').where('id', router.matchers.number())
  router.post('/:id/approve', [SubsidyListsController, 'approve']).as('approve').where('id', router.matchers.number())
})

// evaluations — 考核: a city's county centres scored per month and year and ranked, the counties' targets, 通报 published on the public site.
const EvaluationsController = () => import('#modules/admin/evaluations/evaluations_controller')
const NoticesController = () => import('#modules/admin/evaluations/notices_controller')
routeGroup({ prefix: '/admin/evaluations', as: 'admin.evaluations' }, () => {
  router.get('/', [EvaluationsController, 'index']).as('index')
  router.post('/compute', [EvaluationsController, 'compute']).as('compute')
  router.post('/targets', [EvaluationsController, 'storeTarget']).as('targets.store')
  router.post('/notices', [EvaluationsController, 'storeNotice']).as('notices.store')
})
routeGroup({ prefix: '/notices', as: 'admin.notices', signedIn: false }, () => {
  router.get('/', [NoticesController, 'index']).as('index')
  router.get('/:id', [NoticesController, 'show']).as('show')
})

// outbreaks — 疫情预警: clusters of similar consultations above their seasonal baseline, confirmed or dismissed by the centres.
const OutbreaksController = () => import('#modules/admin/outbreaks/outbreaks_controller')
routeGroup({ prefix: '/admin/outbreaks', as: 'admin.outbreaks' }, () => {
  router.get('/', [OutbreaksController, 'index']).as('index')
  router.get('/:id', [OutbreaksController, 'show']).as('show').where('id', router.matchers.number())
  router.post('/:id/confirm', [OutbreaksController, 'confirm']).as('confirm').where('id', router.matchers.number())
  router.post('/:id/dismiss', [OutbreaksController, 'dismiss']).as('dismiss').where('id', router.matchers.number())
})
