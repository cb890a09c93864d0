/*
 * Every URL of 成果转化, one block per feature folder (the folder holds the block's
 * controllers). Groups are signed in unless `signedIn: false`.
 */
import router from '@adonisjs/core/services/router'
import { routeGroup } from '#core/http/route_group'

const HomeController = () => import('#modules/achievements/listings/home_controller')
const ListingsController = () => import('#modules/achievements/listings/listings_controller')
const MineController = () => import('#modules/achievements/listings/mine_controller')
const MatchingController = () => import('#modules/achievements/matching/matching_controller')

const SIDE = { side: /^(demands|offers)$/ }

// listings — 技术需求 (demands) and 成果供给 (offers): public lists and pages; publishing, editing and
// withdrawing need an account of a publishing role (listings/policy.ts), the owner's own listing only.
routeGroup({ prefix: '/achievements', as: 'achievements', signedIn: false }, () => {
  router.get('/', [HomeController, 'show']).as('home')
})
routeGroup({ prefix: '/achievements', as: 'achievements.listings' }, () => {
  router.get('/mine', [MineController, 'show']).as('mine')
  router.get('/:side/new', [ListingsController, 'create']).as('create').where('side', SIDE.side)
  router.post('/:side', [ListingsController, 'store']).as('store').where('side', SIDE.side)
  router.get('/:side/:id/edit', [ListingsController, 'edit']).as('edit').where('side', SIDE.side)
  router.post('/:side/:id', [ListingsController, 'update']).as('update').where('side', SIDE.side)
  router.post('/:side/:id/withdraw', [ListingsController, 'withdraw']).as('withdraw').where('side', SIDE.side)
})
routeGroup({ prefix: '/achievements', as: 'achievements.listings', signedIn: false }, () => {
  router.get('/:side', [ListingsController, 'index']).as('index').where('side', SIDE.side)
  router.get('/:side/:id', [ListingsController, 'show']).as('show').where('side', SIDE.side)
})

// matching — the person's SMS digest setting (in-site pushes always come).
routeGroup({ prefix: '/achievements/mine', as: 'achievements.matching' }, () => {
  router.post('/sms', [MatchingController, 'saveSms']).as('sms')
})

// bounties — 你发榜我抢单: the board and a bounty's page are public; posting (market entities), grabbing
// (verified experts of the industry) and each later step (the owner and the chosen expert) need an account.
const BountiesController = () => import('#modules/achievements/bounties/bounties_controller')
routeGroup({ prefix: '/achievements/bounties', as: 'achievements.bounties' }, () => {
  router.get('/new', [BountiesController, 'create']).as('create')
  router.post('/', [BountiesController, 'store']).as('store')
  router.post('/:id/grab', [BountiesController, 'grab']).as('grab')
  router.post('/:id/pick', [BountiesController, 'pick']).as('pick')
  router.post('/:id/negotiate', [BountiesController, 'negotiate']).as('negotiate')
  router.post('/:id/fee', [BountiesController, 'fee']).as('fee')
  router.post('/:id/rate', [BountiesController, 'rate']).as('rate')
  router.post('/:id/cancel', [BountiesController, 'cancel']).as('cancel')
})
routeGroup({ prefix: '/achievements/bounties', as: 'achievements.bounties', signedIn: false }, () => {
  router.get('/', [BountiesController, 'index']).as('index')
  router.get('/:id', [BountiesController, 'show']).as('show')
})

// platforms — 农村双创平台: the county map and each county's list are public; centre staff keep the
// registry of their own scope (another county's platform is 404 for them).
const PlatformsController = () => import('#modules/achievements/platforms/platforms_controller')
routeGroup({ prefix: '/achievements/platforms', as: 'achievements.platforms' }, () => {
  router.get('/new', [PlatformsController, 'create']).as('create')
  router.post('/', [PlatformsController, 'store']).as('store')
  router.get('/:id/edit', [PlatformsController, 'edit']).as('edit')
  router.post('/:id', [PlatformsController, 'update']).as('update')
})
routeGroup({ prefix: '/achievements/platforms', as: 'achievements.platforms', signedIn: false }, () => {
  router.get('/map', [PlatformsController, 'map']).as('map')
  router.get('/counties/:code', [PlatformsController, 'county']).as('county').where('code', /^\d{6}$/)
  router.get('/:id', [PlatformsController, 'show']).as('show')
})

// lectures — 特派员讲堂: public to watch; verified experts publish (the action checks).
const LecturesController = () => import('#modules/achievements/lectures/lectures_controller')
routeGroup({ prefix: '/achievements/lectures', as: 'achievements.lectures' }, () => {
  router.get('/new', [LecturesController, 'create']).as('create')
  router.post('/', [LecturesController, 'store']).as('store')
})
routeGroup({ prefix: '/achievements/lectures', as: 'achievements.lectures', signedIn: false }, () => {
  router.get('/', [LecturesController, 'index']).as('index')
  router.get('/:id', [LecturesController, 'show']).as('show')
})

// showcase — 特派员风采: a verified expert's page built from the log (public).
const ShowcaseController = () => import('#modules/achievements/showcase/showcase_controller')
routeGroup({ prefix: '/achievements/experts', as: 'achievements.showcase', signedIn: false }, () => {
  router.get('/:id', [ShowcaseController, 'show']).as('show')
})
// 风采故事: centre staff of the expert's county write the curated story (showcase/policy.ts; another county's expert is 404).
const StoriesController = () => import('#modules/achievements/showcase/stories_controller')
routeGroup({ prefix: '/achievements/experts', as: 'achievements.showcase.story' }, () => {
  router.get('/:id/story', [StoriesController, 'edit']).as('edit')
  router.post('/:id/story', [StoriesController, 'update']).as('update')
})
// 服务之星: a city's experts with the most cases of a month (public).
routeGroup({ prefix: '/achievements/stars', as: 'achievements.showcase', signedIn: false }, () => {
  router.get('/', [ShowcaseController, 'stars']).as('stars')
})
const BountyStatisticsController = () => import('#modules/achievements/bounties/statistics_controller')
routeGroup({ prefix: '/admin/achievements', as: 'achievements.bounties.statistics' }, () => {
  router.get('/bounties', [BountyStatisticsController, 'index']).as('index')
})

// drafts — 需求草稿: draft demands proposed to a county centre from clusters of similar consultations;
// its staff edit and publish or dismiss them (drafts/policy.ts; another county's draft is 404).
const DraftsController = () => import('#modules/achievements/drafts/drafts_controller')
routeGroup({ prefix: '/admin/achievements/drafts', as: 'achievements.drafts' }, () => {
  router.get('/', [DraftsController, 'index']).as('index')
  router.get('/:id', [DraftsController, 'edit']).as('edit')
  router.post('/:id/publish', [DraftsController, 'publish']).as('publish')
  router.post('/:id/dismiss', [DraftsController, 'dismiss']).as('dismiss')
})
