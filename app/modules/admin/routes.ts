import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const RoleGrantsController = () => import('#modules/admin/controllers/role_grants_controller')
const AuditLogController = () => import('#modules/admin/controllers/audit_log_controller')
const ModerationWordsController = () => import('#modules/admin/controllers/moderation_words_controller')
const ModerationBreakersController = () => import('#modules/admin/controllers/moderation_breakers_controller')
const ModerationReviewsController = () => import('#modules/admin/controllers/moderation_reviews_controller')

router
  .group(() => {
    router.get('/roles', [RoleGrantsController, 'index']).as('role_grants.index')
    router.get('/roles/users/:id', [RoleGrantsController, 'show']).as('role_grants.show').where('id', router.matchers.number())
    router.post('/roles/users/:id/grants', [RoleGrantsController, 'store']).as('role_grants.store').where('id', router.matchers.number())
    router.get('/roles/grants/:id/revoke', [RoleGrantsController, 'confirmRevoke']).as('role_grants.confirm_revoke').where('id', router.matchers.number())
    router.post('/roles/grants/:id/revoke', [RoleGrantsController, 'destroy']).as('role_grants.destroy').where('id', router.matchers.number())
    router.get('/audit', [AuditLogController, 'index']).as('audit_log.index')
    // Content safety (app/core/moderation): word list, circuit breakers, review queue.
    router.get('/moderation/words', [ModerationWordsController, 'index']).as('moderation_words.index')
    router.post('/moderation/words', [ModerationWordsController, 'store']).as('moderation_words.store')
    router.post('/moderation/words/check', [ModerationWordsController, 'check']).as('moderation_words.check')
    router.get('/moderation/words/:id/remove', [ModerationWordsController, 'confirmRemove']).as('moderation_words.confirm_remove').where('id', router.matchers.number())
    router.post('/moderation/words/:id/remove', [ModerationWordsController, 'destroy']).as('moderation_words.destroy').where('id', router.matchers.number())
    router.get('/moderation/breakers', [ModerationBreakersController, 'index']).as('moderation_breakers.index')
    router.post('/moderation/breakers', [ModerationBreakersController, 'store']).as('moderation_breakers.store')
    router.post('/moderation/breakers/:id/reset', [ModerationBreakersController, 'reset']).as('moderation_breakers.reset').where('id', router.matchers.number())
    router.get('/moderation/reviews', [ModerationReviewsController, 'index']).as('moderation_reviews.index')
    router.get('/moderation/reviews/:id', [ModerationReviewsController, 'show']).as('moderation_reviews.show').where('id', router.matchers.number())
    router.post('/moderation/reviews/:id/decision', [ModerationReviewsController, 'decide']).as('moderation_reviews.decide').where('id', router.matchers.number())
  })
  .prefix('/admin')
  .as('admin')
  .use(middleware.auth())
