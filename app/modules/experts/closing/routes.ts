import { caseRoutes } from '#modules/experts/shared/case_routes'

const ClosingController = () => import('#modules/experts/closing/closing_controller')

/* Closing and rating (issue 6, point 2): the reporter signed in, the farmer from the SMS link. Paths are built in visits/paths.ts. */
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
