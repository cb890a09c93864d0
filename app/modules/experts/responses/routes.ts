import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { caseRoutes, LINK_MEDIA_ACTION, LINK_THREAD_ACTIONS, type CaseAction } from '#modules/experts/shared/case_routes'

const LinkController = () => import('#modules/experts/responses/link_controller')
const MyCasesController = () => import('#modules/experts/responses/my_cases_controller')

/** What the assigned expert does on a case, from the SMS link (no login) or from 我的案件. */
const EXPERT_ACTIONS: CaseAction[] = [
  ['get', '/', 'show'],
  ['post', '/accept', 'accept'],
  ['post', '/decline', 'decline'],
  ['post', '/answer', 'answer'],
  ['post', '/ask', 'ask'],
  ...LINK_THREAD_ACTIONS,
]

caseRoutes(LinkController, [...EXPERT_ACTIONS, LINK_MEDIA_ACTION], [{ prefix: '/l/:id/:token', as: 'experts.responses.link' }])
caseRoutes(MyCasesController, EXPERT_ACTIONS, [{ prefix: '/expert/cases/:id', as: 'experts.responses.my_cases', signedIn: true }])
router.get('/expert/cases', [MyCasesController, 'index']).as('experts.responses.my_cases.index').use(middleware.auth())
