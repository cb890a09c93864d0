/*
 * Every URL of the expert service, one block per feature folder (the folder holds the
 * block's controllers). Groups are signed in unless `signedIn: false`; an SMS link's
 * token is checked by its controller, so a bad one gets a Chinese refusal page.
 * Case paths are built in visits/paths.ts: keep the two in step.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { routeGroup } from '#core/http/route_group'
import { caseRoutes, LINK_END_ACTION, LINK_MEDIA_ACTION, LINK_THREAD_ACTIONS, type CaseAction } from '#modules/experts/shared/case_routes'

const DirectoryController = () => import('#modules/experts/directory/directory_controller')
const ProfilesController = () => import('#modules/experts/profiles/profiles_controller')
const ProfileReviewsController = () => import('#modules/experts/profiles/profile_reviews_controller')
const ConsultationsController = () => import('#modules/experts/consultations/consultations_controller')
const FarmerLinkController = () => import('#modules/experts/consultations/farmer_link_controller')
const SimilarController = () => import('#modules/experts/similar/similar_controller')
const SolvedCasesController = () => import('#modules/experts/similar/solved_cases_controller')
const MessagesController = () => import('#modules/experts/conversation/messages_controller')
const TriageBoardController = () => import('#modules/experts/triage/triage_board_controller')
const ExpertLinkController = () => import('#modules/experts/responses/link_controller')
const MyCasesController = () => import('#modules/experts/responses/my_cases_controller')
const VisitsController = () => import('#modules/experts/visits/visits_controller')
const VisitStaffController = () => import('#modules/experts/visits/visit_staff_controller')
const ClosingController = () => import('#modules/experts/closing/closing_controller')
const FollowupsController = () => import('#modules/experts/followups/followups_controller')
const StatisticsController = () => import('#modules/experts/statistics/statistics_controller')
const ExportsController = () => import('#modules/experts/exports/exports_controller')
const KnowledgeController = () => import('#modules/experts/knowledge/knowledge_controller')
const KnowledgeStaffController = () => import('#modules/experts/knowledge/knowledge_staff_controller')

// directory — 找专家 and the profile pages are public: farmers look for an expert before signing in.
routeGroup({ prefix: '/experts', as: 'experts.directory', signedIn: false }, () => {
  router.get('/', [DirectoryController, 'index']).as('index')
  router.get('/:id', [DirectoryController, 'show']).as('show')
})

// profiles — applying, the expert's own profile and availability; centre staff verify or reject applications of their region.
routeGroup({ prefix: '/experts', as: 'experts.profiles' }, () => {
  router.get('/apply', [ProfilesController, 'create']).as('apply')
  router.post('/apply', [ProfilesController, 'store']).as('apply.store')
  router.get('/me', [ProfilesController, 'edit']).as('mine')
  router.post('/me', [ProfilesController, 'update']).as('mine.update')
  router.post('/me/availability', [ProfilesController, 'availability']).as('mine.availability')
})
routeGroup({ prefix: '/admin/experts/profiles', as: 'experts.profiles.reviews' }, () => {
  router.get('/', [ProfileReviewsController, 'index']).as('index')
  router.get('/:id', [ProfileReviewsController, 'show']).as('show')
  router.post('/:id/verify', [ProfileReviewsController, 'verify']).as('verify')
  router.post('/:id/reject', [ProfileReviewsController, 'reject']).as('reject')
})

// officers — applying as 信息员 for a village of one's county, the officer's own page; the county centre verifies or rejects.
const OfficersController = () => import('#modules/experts/officers/officers_controller')
const OfficerReviewsController = () => import('#modules/experts/officers/officer_reviews_controller')
routeGroup({ prefix: '/officers', as: 'experts.officers' }, () => {
  router.get('/apply', [OfficersController, 'create']).as('apply')
  router.post('/apply', [OfficersController, 'store']).as('apply.store')
  router.get('/me', [OfficersController, 'show']).as('mine')
})
routeGroup({ prefix: '/admin/experts/officers', as: 'experts.officers.reviews' }, () => {
  router.get('/', [OfficerReviewsController, 'index']).as('index')
  router.get('/:id', [OfficerReviewsController, 'show']).as('show').where('id', router.matchers.number())
  router.post('/:id/verify', [OfficerReviewsController, 'verify']).as('verify').where('id', router.matchers.number())
  router.post('/:id/reject', [OfficerReviewsController, 'reject']).as('reject').where('id', router.matchers.number())
})

// consultations — 报需求, 我的需求 and the reporter's case page; the farmer's SMS link (the signed token is the permission).
routeGroup({ prefix: '/consultations', as: 'experts.consultations' }, () => {
  router.get('/', [ConsultationsController, 'index']).as('index')
  router.get('/new', [ConsultationsController, 'create']).as('create')
  router.post('/', [ConsultationsController, 'store']).as('store')
  router.get('/:id', [ConsultationsController, 'show']).as('show')
})
caseRoutes(
  FarmerLinkController,
  [['get', '/', 'show'], ...LINK_THREAD_ACTIONS, LINK_MEDIA_ACTION, LINK_END_ACTION],
  [{ prefix: '/f/:id/:token', as: 'experts.consultations.farmer_link' }]
)

// similar — 找类似 while reporting (GET: the page without JavaScript; POST: htmx while typing, a
// long description does not fit in a URL), the reporter's choice, and solved cases open to everyone.
routeGroup({ prefix: '/consultations', as: 'experts.similar' }, () => {
  router.get('/similar', [SimilarController, 'similar']).as('index')
  router.post('/similar', [SimilarController, 'similar']).as('typing')
  router.post('/:id/resolved', [SimilarController, 'resolve']).as('resolve')
  router.post('/:id/ask-expert', [SimilarController, 'askExpert']).as('ask_expert')
})
router.get('/cases/:documentId', [SolvedCasesController, 'show']).as('experts.similar.solved_case').where('documentId', router.matchers.number())

// conversation — the reporter's case thread (the SMS-link pages serve theirs through their own controllers).
routeGroup({ prefix: '/consultations/:id/messages', as: 'experts.conversation' }, () => {
  router.get('/', [MessagesController, 'index']).as('index')
  router.post('/', [MessagesController, 'store']).as('store')
})

// triage — 分诊台 of the operation centres.
routeGroup({ prefix: '/triage', as: 'experts.triage' }, () => {
  router.get('/', [TriageBoardController, 'index']).as('board')
  router.get('/:id', [TriageBoardController, 'show']).as('show')
  router.post('/:id/assign', [TriageBoardController, 'assign']).as('assign')
})

// responses — the assigned expert's actions, from the SMS link (no login) or from 我的案件.
const EXPERT_ACTIONS: CaseAction[] = [
  ['get', '/', 'show'],
  ['post', '/accept', 'accept'],
  ['post', '/decline', 'decline'],
  ['post', '/answer', 'answer'],
  ['post', '/ask', 'ask'],
  ...LINK_THREAD_ACTIONS,
]
caseRoutes(ExpertLinkController, [...EXPERT_ACTIONS, LINK_MEDIA_ACTION, LINK_END_ACTION], [{ prefix: '/l/:id/:token', as: 'experts.responses.link' }])
caseRoutes(MyCasesController, EXPERT_ACTIONS, [{ prefix: '/expert/cases/:id', as: 'experts.responses.my_cases', signedIn: true }])
router.get('/expert/cases', [MyCasesController, 'index']).as('experts.responses.my_cases.index').use(middleware.auth())

// visits — on-site visits: the reporter and the case's experts signed in, an expert from the SMS link; the centre dispatches.
caseRoutes(
  VisitsController,
  [
    ['get', '/', 'show'],
    ['post', '/', 'store'],
    ['post', '/:visitId/outcome', 'outcome'],
  ],
  [
    { prefix: '/consultations/:id/visits', as: 'experts.visits', signedIn: true },
    { prefix: '/l/:id/:token/visits', as: 'experts.visits.link' },
  ]
)
routeGroup({ prefix: '/admin/visits', as: 'experts.visits.staff' }, () => {
  router.get('/', [VisitStaffController, 'index']).as('index')
  router.get('/:id', [VisitStaffController, 'show']).as('show')
  router.post('/:id/dispatch', [VisitStaffController, 'dispatch']).as('dispatch')
  router.post('/:id/reschedule', [VisitStaffController, 'reschedule']).as('reschedule')
  router.post('/:id/confirm-cost', [VisitStaffController, 'confirmCost']).as('confirm_cost')
  router.get('/:id/cancel', [VisitStaffController, 'confirmCancel']).as('confirm_cancel')
  router.post('/:id/cancel', [VisitStaffController, 'cancel']).as('cancel')
})

// closing — closing and rating: the reporter signed in, the farmer from the SMS link.
caseRoutes(
  ClosingController,
  [
    ['get', '/', 'show'],
    ['post', '/', 'store'],
  ],
  [
    { prefix: '/consultations/:id/close', as: 'experts.closing', signedIn: true },
    { prefix: '/f/:id/:token/close', as: 'experts.closing.link' },
  ]
)

// followups — 回访: the centre's phone call after closing.
routeGroup({ prefix: '/admin/experts/followups', as: 'experts.followups' }, () => {
  router.get('/', [FollowupsController, 'index']).as('index')
  router.get('/:id', [FollowupsController, 'show']).as('show')
  router.post('/:id/reveal', [FollowupsController, 'reveal']).as('reveal')
  router.post('/:id/calls', [FollowupsController, 'storeCall']).as('calls.store')
})

// statistics and exports — the service's figures, and its case records as CSV or XLSX, for centre staff.
router.get('/admin/experts/statistics', [StatisticsController, 'show']).as('experts.statistics.show').use(middleware.auth())
routeGroup({ prefix: '/admin/experts/exports', as: 'experts.exports' }, () => {
  router.get('/', [ExportsController, 'create']).as('create')
  router.post('/', [ExportsController, 'store']).as('store')
})

// knowledge — 农技知识库: validated answers for everyone (no login); centre staff of the case's scope reword, merge or withdraw an entry.
routeGroup({ prefix: '/knowledge', as: 'experts.knowledge', signedIn: false }, () => {
  router.get('/', [KnowledgeController, 'index']).as('index')
  router.get('/:id', [KnowledgeController, 'show']).as('show')
})
routeGroup({ prefix: '/knowledge/:id', as: 'experts.knowledge' }, () => {
  router.get('/edit', [KnowledgeStaffController, 'edit']).as('edit')
  router.post('/edit', [KnowledgeStaffController, 'update']).as('update')
  router.post('/photos', [KnowledgeStaffController, 'photos']).as('photos')
  router.get('/withdraw', [KnowledgeStaffController, 'confirmWithdraw']).as('confirm_withdraw')
  router.post('/withdraw', [KnowledgeStaffController, 'withdraw']).as('withdraw')
  router.get('/merge', [KnowledgeStaffController, 'confirmMerge']).as('confirm_merge')
  router.post('/merge', [KnowledgeStaffController, 'merge']).as('merge')
})
